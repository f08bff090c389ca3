import { randomUUID } from 'node:crypto';
import { Role } from '@hub/vocabulary';
import { combine, type GraphQLTarget, type LoadResult, measure } from '../load';
import type { BenchContext, BenchSuite, BenchTable, Cell, HubUnderTest } from '../types';
import { policySuite } from './policy.bench';

/**
 * What a referral submission costs end to end: PST sending seeded cases to Live Well through the
 * gateway (token checks, validation, case ownership, agreement and consent checks, the repeat check,
 * the referral row, its audit rows, timeline event and outbox row, all in one transaction) against
 * plain INSERTs of the same referral rows inside the hub process (no HTTP, GraphQL or checks), same
 * run, back to back (ABBA halves), as a ratio.
 *
 * It shares the `policy` suite's hub and data (1,000 agreements, 20,000 PST cases with 100,000
 * consents, the latest naming Live Well); every submission refers a different seeded case once.
 */
const SEND = `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`;
type SeededCase = { id: string; need: string };
type Measured = LoadResult & { perSecond: number };

export const submissionsSuite: BenchSuite = {
  name: 'submissions',
  hub: policySuite.hub,
  async run(context: BenchContext): Promise<BenchTable[]> {
    const { hub } = context;
    // Enough distinct cases for the fastest plausible run; each half takes from its own pool.
    const sendPool = await seededCases(hub, 0, 8000);
    const plainPool = await seededCases(hub, 8000, 2000);
    const token = await hub.token('pst', Role.LINK_WORKER);
    let sent = 0;
    const target: GraphQLTarget = {
      url: hub.gateway,
      query: SEND,
      token,
      nextVariables: () => {
        const chosen = sendPool[sent++ % sendPool.length];
        return { input: { caseId: chosen.id, recipientId: 'live-well', needs: [chosen.need], idempotencyKey: `bench-${randomUUID()}` } };
      },
    };
    const plain = async (seconds: number): Promise<Measured> => {
      const caseIds = plainPool.map((c) => c.id);
      const run = await postControl<{ inserted: number; seconds: number; p50Ms: number; p99Ms: number }>(
        hub,
        '/plain-referral-inserts',
        { caseIds, seconds, concurrency: context.connections },
      );
      return {
        requests: run.inserted, requestsPerSecond: run.inserted / run.seconds, perSecond: run.inserted / run.seconds,
        p50Ms: run.p50Ms, p99Ms: run.p99Ms, non2xx: 0, graphqlErrors: 0, transportErrors: 0, seconds: run.seconds, latenciesMs: [],
      };
    };

    context.log(`submissions: ${context.warmupSeconds}s warm-up each`);
    await measure(target, { seconds: context.warmupSeconds, connections: context.connections });
    await plain(context.warmupSeconds);
    const half = Math.max(1, Math.ceil(context.seconds / 2));
    const api: LoadResult[] = [];
    const inserts: Measured[] = [];
    for (const name of ['api', 'plain', 'plain', 'api'] as const) {
      context.log(`submissions: ${name} (${half}s)`);
      if (name === 'api') api.push(await measure(target, { seconds: half, connections: context.connections }));
      else inserts.push(await plain(half));
    }
    if (sent > sendPool.length) throw new Error('the submissions ran out of seeded cases: raise the pool');
    const a = combine(api);
    const p = {
      requests: inserts.reduce((n, r) => n + r.requests, 0),
      seconds: inserts.reduce((n, r) => n + r.seconds, 0),
      p50Ms: median(inserts.map((r) => r.p50Ms)),
      p99Ms: Math.max(...inserts.map((r) => r.p99Ms)),
    };
    const plainPerSecond = p.requests / p.seconds;
    const flag = a.non2xx + a.graphqlErrors + a.transportErrors > 0 ? 'ERRORS' : '';
    const rows: Record<string, Cell>[] = [
      { target: 'sendReferral via gateway', requests: a.requests, 'per s': round(a.requestsPerSecond, 1), 'p50 ms': round(a.p50Ms, 2), 'p99 ms': round(a.p99Ms, 2), errors: a.non2xx + a.graphqlErrors + a.transportErrors, flag },
      { target: 'plain INSERT in the hub', requests: p.requests, 'per s': round(plainPerSecond, 1), 'p50 ms': round(p.p50Ms, 2), 'p99 ms': round(p.p99Ms, 2), errors: 0, flag: '' },
    ];
    return [
      { title: `referral submissions, end to end vs plain inserts (${context.connections} at a time, 2 x ${half}s each, ABBA)`, rows },
      {
        title: 'submission cost, same run, same hub',
        rows: [{ 'plain/api per s': round(plainPerSecond / a.requestsPerSecond, 1), 'api/plain p50': round(a.p50Ms / p.p50Ms, 1), flag }],
      },
    ];
  },
};

async function seededCases(hub: HubUnderTest, offset: number, limit: number): Promise<SeededCase[]> {
  const response = await fetch(`${hub.control}/seeded-cases?offset=${offset}&limit=${limit}`);
  if (!response.ok) throw new Error(`seeded-cases: ${response.status} ${await response.text()}`);
  const cases = (await response.json()) as SeededCase[];
  if (cases.length < limit) throw new Error(`only ${cases.length} seeded cases from ${offset}; the policy fixture must seed more`);
  return cases;
}

async function postControl<T>(hub: HubUnderTest, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${hub.control}${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
