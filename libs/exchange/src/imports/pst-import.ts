import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import type { Principal } from '@hub/identity';
import { OrganisationEntity } from '@hub/organisations';
import { HubError, HubErrorCode, type HubEnvironment, loadEnvironment } from '@hub/platform';
import { Role } from '@hub/vocabulary';
import { type PstFormLine, readPstFormLines } from './pst-form-file';
import { readPstForm } from './pst-form-row';
import { checkPstForm } from './pst-form-validation';
import { PstFormWriter } from './pst-form-writer';
import type { RowProblem } from './row-problem';

export interface RejectedPstForm {
  row: number;
  /** The form's own reference, to find the paper. */
  reference: string;
  problems: RowProblem[];
}

export interface PstImportResult {
  read: number;
  imported: number;
  alreadyImported: number;
  rejected: RejectedPstForm[];
}

export interface PstImportOptions {
  /** The organisation that owns the imported cases (default `pst`). */
  organisation?: string;
  onProgress?: (done: number, total: number) => void;
  /** The settings the exchange's services run with (default: this process's validated environment). */
  environment?: HubEnvironment;
}

/** Who the import acts as: a machine client of the owning organisation that may write cases. */
export function importPrincipal(organisation: string): Principal {
  return { orgId: organisation, userId: `import:${organisation}`, role: Role.INTEGRATOR, scopes: ['cases:write'] };
}

export async function importPstFormFile(exchange: DataSource, file: string, options: PstImportOptions = {}): Promise<PstImportResult> {
  return importPstForms(exchange, readPstFormLines(await readFile(file, 'utf8')), options);
}

/**
 * Each good row becomes a case with its signed consent, one transaction per row, so a bad row writes
 * nothing and never stops the good ones. A form imported before is counted, not imported again.
 */
export async function importPstForms(exchange: DataSource, lines: PstFormLine[], options: PstImportOptions = {}): Promise<PstImportResult> {
  const organisation = options.organisation ?? 'pst';
  if (!(await exchange.manager.existsBy(OrganisationEntity, { id: organisation }))) {
    throw new Error(`No organisation "${organisation}" in the hub (has it been seeded?).`);
  }
  const writer = new PstFormWriter(exchange, importPrincipal(organisation), options.environment ?? loadEnvironment());
  const result: PstImportResult = { read: lines.length, imported: 0, alreadyImported: 0, rejected: [] };
  for (const [index, line] of lines.entries()) {
    const problems = await importLine(writer, line, result);
    if (problems.length) result.rejected.push({ row: line.row, reference: line.record.reference?.trim() ?? '', problems });
    options.onProgress?.(index + 1, lines.length);
  }
  return result;
}

async function importLine(writer: PstFormWriter, line: PstFormLine, result: PstImportResult): Promise<RowProblem[]> {
  if (line.problems.length) return line.problems;
  const reading = readPstForm(line.record);
  const check = await checkPstForm(reading);
  if (!check.form) return check.problems;
  try {
    const outcome = await writer.write(check.form);
    if (outcome === 'imported') result.imported++;
    else result.alreadyImported++;
    return [];
  } catch (error) {
    // What only the services check (a form dated in the future) rejects the row; anything else stops the import.
    if (!(error instanceof HubError) || error.code !== HubErrorCode.BAD_USER_INPUT) throw error;
    const field = String(error.extensions.field ?? '');
    const reason = field && error.message.startsWith(`${field} `) ? error.message.slice(field.length + 1) : error.message;
    return [{ column: SERVICE_FIELDS[field] ?? (field || '(row)'), reason }];
  }
}

/** The service-only checks' fields, as the form's columns. */
const SERVICE_FIELDS: Record<string, string> = { givenAt: 'form_date', validFrom: 'form_date', validUntil: 'form_date' };
