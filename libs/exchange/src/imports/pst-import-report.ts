import type { PstImportResult } from './pst-import';

const HEADER = ['row', 'reference', 'column', 'reason'];

/**
 * The rejected rows as CSV, one line per reason, so each can be fixed on the paper and re-run.
 * Row numbers are the file's (header = row 1). It names columns, never a resident's answers.
 */
export function pstImportReportCsv(result: PstImportResult): string {
  const lines = result.rejected.flatMap(({ row, reference, problems }) =>
    problems.map((p) => [String(row), reference, p.column, p.reason]),
  );
  return [HEADER, ...lines].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
