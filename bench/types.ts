import type { Role } from '@hub/vocabulary';

/** The running hub as suites see it: URLs to aim at and a way to get a caller's token. */
export interface HubUnderTest {
  gateway: string;
  subgraphs: Record<string, string>;
  database: 'embedded' | 'postgres';
  token(org: string, role: Role): Promise<string>;
}

export interface BenchContext {
  hub: HubUnderTest;
  /** Measured seconds per target (BENCH_SECONDS); each target also gets a warm-up first. */
  seconds: number;
  warmupSeconds: number;
  connections: number;
  log(message: string): void;
}

export type Cell = string | number | null;

/** One printed table. A row whose `flag` cell is non-empty marks figures not to trust; it fails the run. */
export interface BenchTable {
  title: string;
  rows: Record<string, Cell>[];
}

export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<BenchTable[]>;
}
