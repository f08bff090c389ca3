import { NEED_CATEGORIES, Role } from '@hub/vocabulary';
import { type LoadResult, measure, verifyTarget, type GraphQLTarget } from '../load';
import type { BenchContext, BenchSuite, BenchTable, Cell, HubUnderTest } from '../types';

const SERVICES = 5000;
const OWNERS = ['pst', 'live-well', 'community-connect', 'citizens-advice-bexley', 'counselling-matters', 'lrmn', 'metro-gad', 'thamesmead-foodbank'];
const POSTCODES = ['SE2 9LH', 'SE28 8BE', 'SE2 0AA', 'DA18 4DW', 'DA17 6AA', 'DA8 1RQ', 'SE18 6LQ', 'DA7 4AB'];
const BOROUGHS = ['GREENWICH', 'BEXLEY', 'LEWISHAM'];
const NEEDS = ['DEBT', 'LONELINESS'];

const CREATE = 'mutation($input: ServiceInput!) { createService(input: $input) { id } }';
const CAPACITY = 'mutation($id: ID!, $capacity: CapacityStatus!, $band: WaitlistBand) { setServiceCapacity(id: $id, capacity: $capacity, waitlistBand: $band) { id } }';
const ROUTE = `query($input: RouteInput!) { routeOptions(input: $input) {
  options { rank service { id name } eligibleBy capacity why } cannotTake { service { id name } reason } unmetNeeds { need } } }`;
// The baseline lists the same candidate services (those meeting either need), unranked, with the same service fields.
const LIST = `{ debt: services(need: DEBT) { id name capacity } loneliness: services(need: LONELINESS) { id name capacity } }`;

/**
 * routeOptions over a directory of 5,000 services against listing the same services without ranking,
 * back to back in one run on one hub, direct at the directory subgraph and through the gateway.
 */
export const routingSuite: BenchSuite = {
  name: 'routing',
  // Its own hub: 5,000 extra services would skew any suite sharing it. serve-hub ignores this variable.
  hub: { env: { BENCH_ROUTING_DIRECTORY: String(SERVICES) }, readyTimeoutMs: 120_000 },
  async run(context: BenchContext): Promise<BenchTable[]> {
    const started = performance.now();
    await fillDirectory(context.hub, SERVICES);
    context.log(`routing: ${SERVICES} services created in ${((performance.now() - started) / 1000).toFixed(1)}s`);
    const token = await context.hub.token('pst', Role.LINK_WORKER);
    const variables = { input: { needs: NEEDS, postcode: 'DA18 4AA', gpPractice: 'Gallions Reach Health Centre', age: 45 } };
    const measured: Record<string, Cell>[] = [];
    const ratios: Record<string, Cell>[] = [];
    for (const [via, url] of [['directory', context.hub.subgraphs.directory], ['gateway', context.hub.gateway]] as const) {
      const targets: Record<string, GraphQLTarget> = { routeOptions: { url, query: ROUTE, token, variables }, 'list (no ranking)': { url, query: LIST, token } };
      const results: Record<string, LoadResult> = {};
      for (const [name, target] of Object.entries(targets)) {
        const answer = (await verifyTarget(`${name} via ${via}`, target)) as { data: Record<string, { options?: unknown[]; cannotTake?: unknown[] } | unknown[]> };
        context.log(`routing: ${name} via ${via} answers ${describe(answer.data)} (${context.warmupSeconds}s warm-up + ${context.seconds}s)`);
        await measure(target, { seconds: context.warmupSeconds, connections: context.connections });
        const result = await measure(target, { seconds: context.seconds, connections: context.connections });
        results[name] = result;
        measured.push({ query: name, via, requests: result.requests, 'req/s': round(result.requestsPerSecond, 1), 'p50 ms': round(result.p50Ms, 2), 'p99 ms': round(result.p99Ms, 2), flag: flagOf(result) });
      }
      const [route, list] = [results.routeOptions, results['list (no ranking)']];
      ratios.push({
        via,
        'req/s route/list': round(route.requestsPerSecond / list.requestsPerSecond, 2),
        'p50 route/list': round(route.p50Ms / list.p50Ms, 2),
        'p99 route/list': round(route.p99Ms / list.p99Ms, 2),
        flag: flagOf(route) || flagOf(list),
      });
    }
    return [
      { title: `routeOptions vs listing, ${SERVICES} extra services (${context.connections} connections, ${context.seconds}s each)`, rows: measured },
      { title: 'routeOptions / list, same run, same hub', rows: ratios },
    ];
  },
};

/** Creates the services as each owner's SERVICE_ADMIN, a fifth on a waiting list and a tenth closed. */
async function fillDirectory(hub: HubUnderTest, count: number): Promise<void> {
  const tokens = Object.fromEntries(await Promise.all(OWNERS.map(async (o) => [o, await hub.token(o, Role.SERVICE_ADMIN)] as const)));
  let random = 42;
  // A seeded LCG, read from its high bits (its low bits cycle too briefly to spread 21 needs).
  const next = (n: number) => {
    random = (random * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((random / 2 ** 31) * n);
  };
  const pick = <T>(items: readonly T[], k: number) => [...new Set(Array.from({ length: k }, () => items[next(items.length)]))];
  const jobs = Array.from({ length: count }, (_, i) => {
    const owner = OWNERS[i % OWNERS.length];
    const minimumAge = [0, 16, 18, 25][next(4)];
    const input = {
      name: `Bench service ${i}`,
      needs: pick(NEED_CATEGORIES.filter((n) => n !== 'SUBSTANCE_MISUSE'), 1 + next(4)),
      acceptsResidence: pick(BOROUGHS, 1 + next(2)),
      acceptsGpRegistration: pick(BOROUGHS, next(3)),
      minimumAge,
      maximumAge: Math.min(120, minimumAge + 60 + next(40)),
      contactPoints: [{ kind: 'PHONE', value: '020 7946 0999' }],
      openingTimes: [{ days: ['MO', 'WE'], opensAt: '09:00', closesAt: '17:00' }],
      languages: ['English'],
      locations: [{ name: `Venue ${i}`, addressLine1: 'High Street', town: 'London', postcode: POSTCODES[next(POSTCODES.length)] }],
    };
    const capacity = next(10);
    return { owner, input, capacity: capacity < 2 ? 'WAITLIST' : capacity < 3 ? 'CLOSED' : 'OPEN', band: ['UNDER_1_MONTH', 'ONE_TO_3_MONTHS', 'OVER_3_MONTHS'][next(3)] };
  });
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const created = await call<{ createService: { id: string } }>(hub.gateway, tokens[job.owner], CREATE, { input: job.input });
      if (job.capacity !== 'OPEN') {
        await call(hub.gateway, tokens[job.owner], CAPACITY, { id: created.createService.id, capacity: job.capacity, band: job.capacity === 'WAITLIST' ? job.band : null });
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function call<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`filling the directory: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function describe(data: Record<string, unknown>): string {
  const plan = data.routeOptions as { options: unknown[]; cannotTake: unknown[] } | undefined;
  if (plan) return `${plan.options.length} options, ${plan.cannotTake.length} cannot take`;
  return Object.entries(data).map(([k, v]) => `${k}: ${(v as unknown[]).length}`).join(', ');
}

function flagOf(result: LoadResult): string {
  return result.non2xx + result.graphqlErrors + result.transportErrors > 0 ? 'ERRORS' : '';
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
