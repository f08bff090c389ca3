import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { HubError, HubErrorCode, hubValidationPipe } from '@hub/platform';
import type { FieldErrors } from '@hub/validation';
import { CreateCaseInput } from '../cases/dto/create-case.input';
import { RecordConsentInput } from '../consents/dto/record-consent.input';
import { columnForInput } from './pst-form-columns';
import type { PstFormReading } from './pst-form-row';
import type { RowProblem } from './row-problem';

/** A form that passed: the inputs exactly as the API would hand them to the services. */
export interface ValidPstForm {
  caseInput: CreateCaseInput;
  /** caseId is a placeholder until the case exists. */
  consentInput: RecordConsentInput;
  sourceRef: string;
}

export type PstFormCheck = { form: ValidPstForm; problems: [] } | { form?: undefined; problems: RowProblem[] };

// The API's own pipe (whitelist, transform, every field's message), so a row passes exactly when a
// createCase and recordConsent with the same answers would.
const pipe = hubValidationPipe();

export async function checkPstForm(reading: PstFormReading): Promise<PstFormCheck> {
  const caseInput = await validated(CreateCaseInput, reading.caseInput, 'case');
  const consentInput = await validated(RecordConsentInput, { ...reading.consentInput, caseId: randomUUID() }, 'consent');
  const problems = merge(reading.problems, [...caseInput.problems, ...consentInput.problems]);
  if (problems.length || !caseInput.value || !consentInput.value) return { problems };
  return { form: { caseInput: caseInput.value, consentInput: consentInput.value, sourceRef: reading.sourceRef }, problems: [] };
}

async function validated<T>(metatype: Type<T>, plain: Record<string, unknown>, root: string) {
  try {
    return { value: (await pipe.transform(plain, { type: 'body', metatype })) as T, problems: [] };
  } catch (error) {
    const fields = error instanceof HubError && error.code === HubErrorCode.BAD_USER_INPUT ? error.extensions.fields : undefined;
    if (!fields) throw error;
    return { value: undefined, problems: (fields as FieldErrors[]).flatMap((f) => problemsOf(`${root}.${f.field}`, f.messages)) };
  }
}

/** The message without its property name ("postcode must be …" → "must be …"), under the form's column. */
function problemsOf(path: string, messages: string[]): RowProblem[] {
  const column = columnForInput(path);
  if (column === 'need_*') return [{ column, reason: 'no need is ticked' }];
  const property = path.split('.').pop() as string;
  return messages.map((m) => ({ column, reason: m.startsWith(`${property} `) ? m.slice(property.length + 1) : m }));
}

/** The form's own words first; a column already reported is not reported again by the hub's rules. */
function merge(form: RowProblem[], hub: RowProblem[]): RowProblem[] {
  const reported = new Set(form.map((p) => p.column));
  const seen = new Set<string>();
  return [...form, ...hub.filter((p) => !reported.has(p.column))].filter((p) => {
    const key = `${p.column}\u0000${p.reason}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
