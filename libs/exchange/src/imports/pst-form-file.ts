import { parse } from 'csv-parse/sync';
import { headerProblems, type PstFormRecord } from './pst-form-columns';
import type { RowProblem } from './row-problem';

/** One data row of the file, numbered as a spreadsheet shows it: the header is row 1. */
export interface PstFormLine {
  row: number;
  record: PstFormRecord;
  /** Set when the row itself cannot be read (a wrong number of fields). */
  problems: RowProblem[];
}

/** The file cannot be imported at all: its header is not the form's. */
export class PstFormFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`The header is not the PST form's columns: ${problems.join('; ')}`);
  }
}

/** Reads the CSV text; blank rows are skipped but still counted, so row numbers match the file. */
export function readPstFormLines(text: string): PstFormLine[] {
  // Records, not lines: a quoted comment may span lines yet is one spreadsheet row.
  const records: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  if (records.length === 0) throw new PstFormFileError(['the file is empty']);
  const header = records[0].map((name) => name.trim().toLowerCase());
  const problems = headerProblems(header);
  if (problems.length) throw new PstFormFileError(problems);
  const lines: PstFormLine[] = [];
  records.slice(1).forEach((fields, index) => {
    if (fields.every((field) => field.trim() === '')) return;
    const record = Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
    const shape = fields.length === header.length ? [] : [{ column: '(row)', reason: `has ${fields.length} fields; the header has ${header.length}` }];
    lines.push({ row: index + 2, record, problems: shape });
  });
  return lines;
}
