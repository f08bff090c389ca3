import type { Role } from '@hub/vocabulary';

/** The running hub as suites see it: URLs to aim at and a way to get a caller's token. */
export interface HubUnderTest {
  gateway: string;
  subgraphs: Record<string, string>;
  database: 'embedded' | 'postgres';
  /** What the hub process prepared for the suite that asked for it (HubRequirements.env); `{}` otherwise. */
  fixture: Record<string, unknown>;
  /** `user` is the token's `sub` (the principal's userId); by default `<org>-<role>`. */
  token(org: string, role: Role, options?: { user?: string }): Promise<string>;
  /**
   * Row counts of the exchange's tables, read inside the hub process (the embedded database lives
   * there), e.g. `{ 'exchange.audit_log': 1234 }`. Never call it while measuring.
   */
  counts(): Promise<Record<string, number>>;
  /** serve-hub's loopback control endpoint (bench-only helpers inside the hub process). */
  control: string;
  /** Read inside the hub process; never call it while measuring latency. */
  memory(): Promise<HubMemory>;
}

/** The hub process's memory (bytes) after a full GC when it could run one (`gc`). */
export interface HubMemory {
  rss: number;
  heapUsed: number;
  external: number;
  gc: boolean;
}

/**
 * What a suite needs from its hub process. Suites with equal requirements share one hub; a suite
 * that differs gets a hub of its own, so what one prepares never skews another's figures.
 */
export interface HubRequirements {
  /** Extra environment for `bench/serve-hub.ts` (read there only, never by libs/ or apps/). */
  env?: Record<string, string>;
  /** How long start-up (and any seeding it does) may take; default 90 s. */
  readyTimeoutMs?: number;
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
  /** Default: a plain hub with the seeded landscape only. */
  hub?: HubRequirements;
  run(context: BenchContext): Promise<BenchTable[]>;
}
