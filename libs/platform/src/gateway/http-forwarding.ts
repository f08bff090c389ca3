import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { All, Controller, type DynamicModule, Inject, Logger, Module, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { REQUEST_ID_HEADER } from '../logging/logging.module';
import type { SubgraphUrls } from './gateway-graphql.module';

/**
 * Plain HTTP (not GraphQL) that the gateway passes on, by first path segment → the subgraph that serves it,
 * so integrators and commissioners need only the gateway's port. Explicit on purpose: any other path is the
 * gateway's own 404, so no other route of a subgraph (its /graphql, /health, whatever it adds later) becomes
 * reachable through the gateway by accident. The subgraph still answers — and, for reports, authorises —
 * each request itself; the gateway checks no token here.
 */
export const HTTP_FORWARDS: Readonly<Record<string, string>> = {
  oruk: 'directory', // Open Referral UK export: /oruk/services, /oruk/services/{id}
  reports: 'insights', // report downloads, e.g. /reports/gap-report.csv
};

/** Request headers passed on (with the gateway's request id); nothing else — no cookies, no hop-by-hop headers. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'accept', 'if-none-match'] as const;
/** Response headers passed back (content-length too: the body is passed on byte for byte, as the subgraph sent it). */
const RETURNED_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'etag', 'x-disclosure-control'] as const;
const FORWARDED_METHODS = new Set(['GET', 'HEAD']);

/** Where each forwarded path goes: the subgraph's GraphQL URL without its last segment (its origin, for `…/graphql`). */
export class HttpForwardTargets {
  private readonly bases = new Map<string, URL>();

  constructor(subgraphUrls: SubgraphUrls, forwards: Readonly<Record<string, string>> = HTTP_FORWARDS) {
    for (const [prefix, subgraph] of Object.entries(forwards)) {
      const url = subgraphUrls[subgraph];
      if (!url) throw new Error(`The gateway forwards /${prefix} to the ${subgraph} subgraph, but has no URL for it`);
      this.bases.set(prefix, new URL('./', url));
    }
  }

  /**
   * The upstream URL for a request's path and query string, or undefined when it is not under a forwarded
   * prefix — including a path whose `..` (plain or %2e-encoded) would climb out of it once resolved.
   */
  resolve(originalUrl: string): URL | undefined {
    const queryAt = originalUrl.indexOf('?');
    const path = queryAt < 0 ? originalUrl : originalUrl.slice(0, queryAt);
    const prefix = /^\/([^/?#]+)/.exec(path)?.[1];
    const base = prefix === undefined ? undefined : this.bases.get(prefix);
    if (!prefix || !base) return undefined;
    const target = new URL(`.${path}`, base);
    if (queryAt >= 0) target.search = originalUrl.slice(queryAt);
    const root = `${base.pathname}${prefix}`;
    const inside = target.origin === base.origin && (target.pathname === root || target.pathname.startsWith(`${root}/`));
    return inside ? target : undefined;
  }
}

const FORWARD_TARGETS = Symbol('HttpForwardTargets');

@Controller()
class HttpForwardingController {
  private readonly logger = new Logger('HttpForwarding');

  constructor(@Inject(FORWARD_TARGETS) private readonly targets: HttpForwardTargets) {}

  @All(Object.keys(HTTP_FORWARDS).flatMap((prefix) => [prefix, `${prefix}/*path`]))
  async forward(@Req() req: Request & { id?: unknown }, @Res() res: Response): Promise<void> {
    if (!FORWARDED_METHODS.has(req.method)) {
      res.status(405).setHeader('allow', 'GET, HEAD');
      res.json({ statusCode: 405, error: 'Method Not Allowed', message: `Cannot ${req.method} ${req.path}: this address is read-only.` });
      return;
    }
    const target = this.targets.resolve(req.originalUrl);
    if (!target) {
      res.status(404).json({ statusCode: 404, error: 'Not Found', message: `Cannot ${req.method} ${req.path}` });
      return;
    }

    let upstream: IncomingMessage;
    try {
      upstream = await this.send(target, req, res);
    } catch (error) {
      if (res.destroyed) return;
      this.logger.warn(`${req.method} ${target.pathname}: upstream unreachable (${causeOf(error)})`);
      res.status(502).json({ statusCode: 502, error: 'Bad Gateway', message: 'The service behind this address is not answering.' });
      return;
    }

    res.status(upstream.statusCode ?? 502);
    for (const name of RETURNED_RESPONSE_HEADERS) {
      const value = upstream.headers[name];
      if (value !== undefined) res.setHeader(name, value);
    }
    try {
      await pipeline(upstream, res); // streamed; a HEAD, 204 or 304 simply has no body
    } catch (error) {
      // Headers are gone already: the caller sees the body cut short, which is the truth.
      if (upstream.errored) this.logger.warn(`${req.method} ${target.pathname}: upstream body failed (${causeOf(error)})`);
    }
  }

  private async send(target: URL, req: Request & { id?: unknown }, res: Response): Promise<IncomingMessage> {
    for (let attempt = 1; ; attempt++) {
      const outgoing = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, { method: req.method, headers: forwardedHeaders(req) });
      // The caller hanging up before the answer is complete stops the upstream request.
      const stop = () => {
        if (!res.writableFinished) outgoing.destroy();
      };
      res.once('close', stop);
      try {
        return await new Promise<IncomingMessage>((resolve, reject) => {
          outgoing.once('response', resolve).once('error', reject).end();
        });
      } catch (error) {
        res.off('close', stop);
        // A kept-alive socket the subgraph closed as we reused it: a GET or HEAD is safe to send again, once.
        const reset = (error as NodeJS.ErrnoException).code === 'ECONNRESET' && outgoing.reusedSocket;
        if (attempt === 1 && reset && !res.destroyed) continue;
        throw error;
      }
    }
  }
}

function forwardedHeaders(req: Request & { id?: unknown }): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (req.id !== undefined) headers[REQUEST_ID_HEADER] = String(req.id);
  return headers;
}

function causeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** The gateway's plain-HTTP forwards (HTTP_FORWARDS), to the same subgraph URLs Apollo Gateway uses. */
@Module({})
export class GatewayHttpForwardingModule {
  static forRoot(subgraphUrls: SubgraphUrls): DynamicModule {
    return {
      module: GatewayHttpForwardingModule,
      controllers: [HttpForwardingController],
      providers: [{ provide: FORWARD_TARGETS, useValue: new HttpForwardTargets(subgraphUrls) }],
    };
  }
}
