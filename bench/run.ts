import { resolve } from 'node:path';
import { startHubProcess, type HubProcess } from './hub-process';
import { busyMachineWarning, formatTable, isFlagged, runInfo, writeJson } from './report';
import { SUITES } from './suites';
import type { BenchContext, BenchTable } from './types';

/**
 * `npm run bench [-- filter...]`: runs the suites whose name contains a filter (all without one)
 * against a hub in a child process (one per distinct `suite.hub` requirement), prints their tables
 * and saves them to bench-results/latest.json.
 * Exits non-zero when a suite fails or a row is flagged: such figures must not pass for a result.
 */
const RESULTS_FILE = resolve(__dirname, '..', 'bench-results', 'latest.json');

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw}: expected a positive number`);
  return value;
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2).map((f) => f.toLowerCase());
  const suites = SUITES.filter((s) => filters.length === 0 || filters.some((f) => s.name.toLowerCase().includes(f)));
  if (suites.length === 0) {
    console.error(`No suite matches ${filters.join(', ')}; suites: ${SUITES.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const settings = {
    seconds: numberFromEnv('BENCH_SECONDS', 5),
    warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 1),
    connections: Math.round(numberFromEnv('BENCH_CONNECTIONS', 10)),
  };
  const startedAt = new Date().toISOString();
  const info = runInfo();
  const busy = busyMachineWarning();
  if (busy) log(busy);
  const results: { name: string; tables: BenchTable[]; error?: string }[] = [];
  let hub: HubProcess | undefined;
  const interrupt = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the hub`);
    void (hub?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let database: HubProcess['database'] | undefined;
  try {
    // Suites with the same hub requirements share one hub, started when the first of them runs.
    let hubKey: string | undefined;
    for (const suite of suites) {
      try {
        const key = JSON.stringify(suite.hub ?? {});
        if (!hub || key !== hubKey) {
          await hub?.stop();
          hub = undefined;
          hubKey = key;
          const started = performance.now();
          log(
            `Starting the hub for ${suite.name} (${process.env.DATABASE_URL ? 'a fresh database on the DATABASE_URL server' : 'embedded PGlite'})...`,
          );
          hub = await startHubProcess(log, suite.hub);
          database = hub.database;
          log(`Hub ready in pid ${hub.pid} after ${((performance.now() - started) / 1000).toFixed(1)}s: gateway ${hub.gateway}`);
        }
        const context: BenchContext = { hub, ...settings, log };
        const tables = await suite.run(context);
        results.push({ name: suite.name, tables });
        for (const table of tables) process.stdout.write(`\n[${suite.name}] ${formatTable(table)}\n`);
      } catch (error) {
        const message = (error as Error).stack ?? String(error);
        results.push({ name: suite.name, tables: [], error: message });
        log(`\n[${suite.name}] FAILED: ${message}`);
      }
    }
  } finally {
    await hub?.stop();
  }
  writeJson(RESULTS_FILE, {
    ...info,
    warning: busy ?? null,
    database: database ?? null,
    settings,
    startedAt,
    finishedAt: new Date().toISOString(),
    suites: results,
  });
  log(`\nSaved ${RESULTS_FILE}`);
  const failed = results.filter((r) => r.error).map((r) => r.name);
  const flagged = results.filter((r) => r.tables.some(isFlagged)).map((r) => r.name);
  if (failed.length) log(`Failed suites: ${failed.join(', ')}`);
  if (flagged.length) log(`Flagged (errors during load, figures not trustworthy): ${flagged.join(', ')}`);
  return failed.length || flagged.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    // A stack adds nothing to a bad setting; anything else gets one.
    console.error(error.message.startsWith('BENCH_') ? error.message : (error.stack ?? error.message));
    process.exit(1);
  },
);
