import { Role } from '@hub/vocabulary';
import { type LoadResult, measure, verifyTarget } from '../load';
import type { BenchContext, BenchSuite, BenchTable, Cell } from '../types';

/** Both fields belong to the exchange (`me.organisation` too), so the gateway plans one fetch each. */
const QUERIES: Record<string, string> = {
  me: '{ me { orgId userId role organisation { name } } }',
  organisations: '{ organisations { id name kind borough } }',
};

/**
 * What the gateway costs on top of the subgraph: the same operation through the gateway and straight
 * at the exchange, back to back in this one run, so the ratios compare like with like.
 */
export const platformSuite: BenchSuite = {
  name: 'platform',
  async run(context: BenchContext): Promise<BenchTable[]> {
    const token = await context.hub.token('pst', Role.LINK_WORKER);
    const targets = { gateway: context.hub.gateway, direct: context.hub.subgraphs.exchange };
    if (!targets.direct) throw new Error('the hub reported no "exchange" subgraph');

    const measured: Record<string, Cell>[] = [];
    const ratios: Record<string, Cell>[] = [];
    for (const [queryName, query] of Object.entries(QUERIES)) {
      const results: Partial<Record<keyof typeof targets, LoadResult>> = {};
      for (const [targetName, url] of Object.entries(targets) as [keyof typeof targets, string][]) {
        const target = { url, query, token };
        await verifyTarget(`${queryName} via ${targetName}`, target);
        context.log(`platform: ${queryName} via ${targetName} (${context.warmupSeconds}s warm-up + ${context.seconds}s)`);
        await measure(target, { seconds: context.warmupSeconds, connections: context.connections });
        const result = await measure(target, { seconds: context.seconds, connections: context.connections });
        results[targetName] = result;
        measured.push({
          query: queryName,
          target: targetName,
          requests: result.requests,
          'req/s': round(result.requestsPerSecond, 0),
          'p50 ms': round(result.p50Ms, 2),
          'p99 ms': round(result.p99Ms, 2),
          non2xx: result.non2xx,
          'gql errors': result.graphqlErrors,
          'conn errors': result.transportErrors,
          flag: flagOf(result),
        });
      }
      const { gateway, direct } = results as Record<keyof typeof targets, LoadResult>;
      ratios.push({
        query: queryName,
        'req/s gw/direct': round(gateway.requestsPerSecond / direct.requestsPerSecond, 2),
        'p50 gw/direct': round(gateway.p50Ms / direct.p50Ms, 2),
        'p99 gw/direct': round(gateway.p99Ms / direct.p99Ms, 2),
        flag: flagOf(gateway) || flagOf(direct),
      });
    }
    return [
      { title: `gateway vs exchange subgraph (${context.connections} connections, ${context.seconds}s each)`, rows: measured },
      { title: 'gateway / direct, same run, same process', rows: ratios },
    ];
  },
};

function flagOf(result: LoadResult): string {
  return result.non2xx + result.graphqlErrors + result.transportErrors > 0 ? 'ERRORS' : '';
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
