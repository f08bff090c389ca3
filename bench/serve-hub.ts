import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '@hub/platform';
import { startHub } from '../apps/hub/src/start-hub';
import { installPolicyBypass } from './policy-bypass';
import { type PolicyFixture, type PolicyFixtureSizes, preparePolicyFixture } from './policy-fixture';
import { handleSubmissionControl } from './submission-control';

/**
 * The hub under benchmark, in its own process so the load generator never shares its event loop.
 * Prints one JSON line with its URLs (the parent waits for it) and closes on SIGTERM.
 *
 * Benchmark-only settings, read here and nowhere in libs/ or apps/ (the `policy` suite sets them):
 * - BENCH_POLICY_BYPASS_USER: a principal with this userId reads cases with the policy bypassed
 *   (bench/policy-bypass.ts); everyone else gets the real policy.
 * - BENCH_POLICY_FIXTURE: JSON sizes `{ agreements, cases, consentsPerCase }`; seeds them and refers
 *   one case through the API before the ready line (bench/policy-fixture.ts), which then carries it.
 */
async function main(): Promise<void> {
  const environment = loadEnvironment();
  const bypassUser = process.env.BENCH_POLICY_BYPASS_USER;
  const fixtureSizes = process.env.BENCH_POLICY_FIXTURE;
  const hub = await startHub(environment);
  let control: Server | undefined;
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    control?.close();
    hub.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The parent holds our stdin open; if it dies without killing us, EOF says so.
  process.stdin.on('end', shutdown);
  process.stdin.resume();

  const exchange = hub.apps.exchange.get(DataSource);
  if (bypassUser) installPolicyBypass(bypassUser, exchange);
  control = await startControlServer(exchange);
  let fixture: PolicyFixture | undefined;
  if (fixtureSizes) {
    fixture = await preparePolicyFixture(hub, environment, parseSizes(fixtureSizes), bypassUser ?? '');
  }
  process.stdout.write(
    `${JSON.stringify({
      gateway: hub.url,
      subgraphs: hub.subgraphUrls,
      database: hub.database.kind,
      control: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
      ...(fixture ? { fixture } : {}),
    })}\n`,
  );
}

const COUNTED_TABLES = [
  'organisations',
  'agreements',
  'agreement_signatures',
  'cases',
  'consents',
  'referrals',
  'audit_log',
] as const;

/**
 * GET /counts: row counts of the exchange's tables, on loopback only. The parent cannot read the
 * embedded database itself (it lives in this process), so it asks here, between measurements.
 */
function startControlServer(exchange: DataSource): Promise<Server> {
  const sql = `SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*) FROM exchange.${t})::int AS "exchange.${t}"`).join(', ')}`;
  const server = createServer((request, response) => {
    if (handleSubmissionControl(exchange, request, response)) return;
    if (request.method === 'GET' && request.url === '/memory') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(memoryAfterGc()));
      return;
    }
    if (request.method !== 'GET' || request.url !== '/counts') {
      response.writeHead(404).end();
      return;
    }
    exchange.query(sql).then(
      ([row]: Record<string, number>[]) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(row)),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** GET /memory: this process's memory after a full GC (bench/hub-process.ts starts it with --expose-gc). */
function memoryAfterGc(): { rss: number; heapUsed: number; external: number; gc: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external, gc: Boolean(gc) };
}

function parseSizes(raw: string): PolicyFixtureSizes {
  const sizes = JSON.parse(raw) as Partial<PolicyFixtureSizes>;
  for (const key of ['agreements', 'cases', 'consentsPerCase'] as const) {
    if (!Number.isInteger(sizes[key]) || (sizes[key] as number) < 1) {
      throw new Error(`BENCH_POLICY_FIXTURE=${raw}: ${key} must be a positive integer`);
    }
  }
  return sizes as PolicyFixtureSizes;
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
