import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { BenchTable, Cell } from './types';

/** Plain aligned columns: numbers right, text left; an all-empty `flag` column is left out. */
export function formatTable(table: BenchTable): string {
  const columns = [...new Set(table.rows.flatMap((row) => Object.keys(row)))].filter(
    (column) => column !== 'flag' || table.rows.some((row) => row.flag),
  );
  const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell));
  const widths = columns.map((column) => Math.max(column.length, ...table.rows.map((row) => text(row[column]).length)));
  const line = (cells: string[], numeric: boolean[]) =>
    cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  const isNumber = columns.map((column) => table.rows.some((row) => typeof row[column] === 'number'));
  return [
    table.title,
    line(columns, isNumber),
    line(widths.map((w) => '-'.repeat(w)), isNumber),
    ...table.rows.map((row) => line(columns.map((column) => text(row[column])), isNumber)),
  ].join('\n');
}

export function isFlagged(table: BenchTable): boolean {
  return table.rows.some((row) => Boolean(row.flag));
}

/** Where the figures came from, so a saved result can be compared with a later one honestly. */
export function runInfo(): Record<string, unknown> {
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    commit,
    node: process.version,
    platform: process.platform,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** Other work on the machine skews every figure; say so rather than let it pass unnoticed. */
export function busyMachineWarning(): string | undefined {
  const [oneMinute] = loadavg();
  const cores = cpus().length;
  return oneMinute > cores * 0.5
    ? `Warning: load average ${oneMinute.toFixed(2)} on ${cores} cores before the run; figures will be noisy.`
    : undefined;
}

export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
