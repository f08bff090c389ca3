import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import {
  importPstForms,
  PST_FORM_COLUMNS,
  PstFormFileError,
  type PstImportResult,
  pstImportReportCsv,
  readPstFormLines,
} from '@hub/exchange';
import { loadEnvironment, openDatabase } from '@hub/platform';
import { closeAll, openAllSubgraphs } from '../apps/hub/src/migrate-all';

const USAGE = 'usage: npm run import:pst -- <file.csv> [--org <slug>] [--report <path>]';
// Below this a bar would flash and vanish; the summary says enough.
const BAR_FROM_ROWS = 200;
// The report has them all; the terminal shows the first few.
const SHOWN_REJECTIONS = 20;

function help(): string {
  const columns = PST_FORM_COLUMNS.map((c) => `  ${c.name.padEnd(28)} ${c.label} — ${c.accepts}${c.optional ? ' (column optional)' : ''}`);
  return [
    USAGE,
    '',
    'Imports transcribed PST paper referral forms (seed 000, Appendix 4), one form per row. Each good row',
    'becomes a case owned by --org (default pst) with its signed consent (SIGNED_FORM, the partnership),',
    'written with its audit rows in one transaction as user import:<org>. A row without the resident\'s',
    'signature imports nothing. Bad rows are listed with every reason in <file>.report.csv (or --report).',
    'Importing the same file again imports nothing twice. Exit 1 when any row was rejected.',
    '',
    'Columns (header row, snake_case, any order; blank cells are unanswered boxes):',
    ...columns,
  ].join('\n');
}

interface Arguments {
  file: string;
  organisation: string;
  report: string;
}

function parseArguments(args: string[]): Arguments | string {
  const values: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--org' || args[i] === '--report') {
      if (!args[i + 1]) return `${args[i]} needs a value`;
      values[args[i]] = args[++i];
    } else if (args[i].startsWith('--')) return `unknown option ${args[i]}`;
    else files.push(args[i]);
  }
  if (files.length !== 1) return 'name exactly one CSV file';
  return { file: files[0], organisation: values['--org'] ?? 'pst', report: values['--report'] ?? `${files[0]}.report.csv` };
}

/** A bar on a terminal; on a log, a line every hundred rows. */
function progress(): { onProgress: (done: number, total: number) => void; stop: () => void } {
  let bar: SingleBar | undefined;
  return {
    onProgress(done, total) {
      if (total <= BAR_FROM_ROWS) return;
      if (!process.stderr.isTTY) {
        if (done % 100 === 0 || done === total) process.stderr.write(`import:pst: ${done} of ${total} rows\n`);
        return;
      }
      bar ??= new SingleBar({ stream: process.stderr, format: 'import:pst [{bar}] {value}/{total} rows' });
      if (done === 1) bar.start(total, 0);
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function summary(file: string, report: string, result: PstImportResult): string {
  const lines = [
    `${file}: read ${result.read}, imported ${result.imported}, already imported ${result.alreadyImported}, rejected ${result.rejected.length}.`,
    ...result.rejected.slice(0, SHOWN_REJECTIONS).flatMap((r) => r.problems.map((p) => `  row ${r.row}: ${p.column}: ${p.reason}`)),
  ];
  if (result.rejected.length > SHOWN_REJECTIONS) lines.push(`  … and ${result.rejected.length - SHOWN_REJECTIONS} more rows`);
  if (result.rejected.length) lines.push(`Report: ${report}`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`import:pst: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  // The file is read first: a wrong header stops before the database is opened.
  const lines = readPstFormLines(await readFile(parsed.file, 'utf8'));
  const environment = loadEnvironment();
  const database = await openDatabase(environment);
  const sources = await openAllSubgraphs(database);
  const bar = progress();
  try {
    const result = await importPstForms(sources.exchange, lines, {
      organisation: parsed.organisation,
      onProgress: bar.onProgress,
      environment,
    });
    bar.stop();
    // Written even when clean, so a stale report of an earlier run is not mistaken for this one.
    await writeFile(parsed.report, pstImportReportCsv(result));
    process.stdout.write(summary(parsed.file, parsed.report, result));
    return result.rejected.length ? 1 : 0;
  } finally {
    bar.stop();
    await closeAll(sources);
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    const message = error instanceof PstFormFileError
      ? `the header is not the PST form's columns:${error.problems.map((p) => `\n  - ${p}`).join('')}\nSee --help for the columns.`
      : error.message;
    process.stderr.write(`import:pst: ${message}\n`);
    process.exit(error instanceof PstFormFileError ? 2 : 1);
  },
);
