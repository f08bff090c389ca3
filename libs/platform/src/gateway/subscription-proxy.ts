import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError } from 'graphql';
import type { Client, SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '@hub/identity';
import { HubErrorCode } from '../errors/hub-error';
import { closeSession, formatSocketErrors, openSession, SOCKET_CLOSE, type SessionExtra, type SocketContext } from './socket-auth';
import { checkSubscription, type OperationLimits, subscriptionRoutingOf } from './subscription-operation';
import { openUpstream, relay, socketUrlOf, UpstreamRefusal } from './upstream-subscription';

export interface SubscriptionProxyOptions {
  supergraphSdl: string;
  /** Subgraph name → its http(s)://…/graphql; graphql-ws is reached at the ws(s):// of the same. */
  subgraphUrls: Record<string, string>;
  verifier: TokenVerifier;
  limits: OperationLimits;
  /** Subscriptions one socket may carry at once; the next is refused with TOO_MANY_SUBSCRIPTIONS. */
  maxSubscriptionsPerSocket: number;
  path?: string;
}

type ProxyExtra = SessionExtra & { upstreams?: Map<string, Client>; leaving?: boolean };
type ProxyContext = SocketContext & { extra: ProxyExtra };
interface RelayContext {
  upstream: Client;
  payload: SubscribePayload;
}

/**
 * Apollo Gateway does not carry subscriptions, so the gateway serves graphql-ws itself on its own
 * /graphql: it authenticates connection_init, checks the operation against the supergraph's public
 * schema and the operation limits, and relays it to the subgraph that owns the field over a
 * socket opened with the subscriber's own token. Either side closing closes the other.
 */
export class SubscriptionProxy {
  private readonly sockets = new WebSocketServer({ noServer: true });
  private readonly served: { dispose(): void | Promise<void> };
  private readonly path: string;

  constructor(private readonly httpServer: Server, private readonly options: SubscriptionProxyOptions) {
    this.path = options.path ?? '/graphql';
    const routing = subscriptionRoutingOf(options.supergraphSdl);
    this.served = useServer<Record<string, unknown> | undefined, ProxyExtra>(
      {
        schema: routing.apiSchema,
        onConnect: async (ctx) => Boolean(await openSession(ctx, options.verifier)),
        onSubscribe: (ctx, _id, payload) => {
          // graphql-ws has already registered this one, hence "more than".
          if (Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerSocket) {
            return [new GraphQLError('This connection carries as many subscriptions as it may: complete one first.', {
              extensions: { code: HubErrorCode.TOO_MANY_SUBSCRIPTIONS },
            })];
          }
          const checked = checkSubscription(routing, payload, options.limits);
          if (Array.isArray(checked)) return checked;
          const context: RelayContext = { upstream: this.upstreamOf(ctx, checked.subgraph), payload };
          return { ...checked.args, contextValue: context };
        },
        subscribe: (args) => {
          const { upstream, payload } = args.contextValue as RelayContext;
          return relay(upstream, payload);
        },
        // Results arrive formatted by the subgraph; only the gateway's own errors need shaping.
        onNext: (_ctx, _id, _payload, _args, result) => result as never,
        onError: (_ctx, _id, _payload, errors) => {
          const refused = errors.map((e) => e.originalError).find((e): e is UpstreamRefusal => e instanceof UpstreamRefusal);
          return refused ? refused.formatted : formatSocketErrors(errors as GraphQLError[]);
        },
        onClose: (ctx) => {
          ctx.extra.leaving = true;
          closeSession(ctx);
          for (const upstream of ctx.extra.upstreams?.values() ?? []) void upstream.dispose();
        },
      },
      this.sockets,
      // graphql-ws pings every 12 s and drops a socket that misses a pong: dead clients do not pile up.
    );
    httpServer.on('upgrade', this.upgrade);
  }

  /** Closes every subscriber (1001) and their upstream sockets. */
  async close(): Promise<void> {
    this.httpServer.off('upgrade', this.upgrade);
    await this.served.dispose();
  }

  private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://gateway').pathname !== this.path) {
      socket.destroy();
      return;
    }
    this.sockets.handleUpgrade(request, socket, head, (ws) => this.sockets.emit('connection', ws, request));
  };

  /** One upstream socket per subscriber and subgraph, opened on its first subscription. */
  private upstreamOf(ctx: ProxyContext, subgraph: string): Client {
    const upstreams = (ctx.extra.upstreams ??= new Map());
    const known = upstreams.get(subgraph);
    if (known) return known;
    const url = this.options.subgraphUrls[subgraph];
    const socket = ctx.extra.socket;
    const upstream = openUpstream(socketUrlOf(url), ctx.extra.session?.authorization ?? '', (code, reason) => {
      if (ctx.extra.leaving) return;
      // The subgraph ended it (its own token check, or it went away): tell the subscriber in kind.
      const why = code === SOCKET_CLOSE.UNAUTHENTICATED.code ? { code, reason } : SOCKET_CLOSE.UPSTREAM_GONE;
      socket.close(why.code, why.reason);
    });
    upstreams.set(subgraph, upstream);
    return upstream;
  }
}
