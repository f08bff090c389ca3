import type { AuditAction } from './audit-action';
import type { AuditRecord } from './audit-entry';
import type { AuditContent } from './audit-hash';

export const AUDIT_TABLE = 'exchange.audit_log';

/** A UUID as PostgreSQL accepts and prints it (in lower case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every column as text, so what is hashed on reading does not depend on the driver's type parsers
 * (embedded and server drivers differ). recorded_at keeps microseconds: a stored value finer than
 * the milliseconds that were hashed cannot match, so a retimed row is caught. `seq` is text here:
 * order by `audit_log.seq`, since a bare `ORDER BY seq` would sort the text (1, 10, 2).
 */
export const AUDIT_COLUMNS = `
  seq::text AS seq, id::text AS id,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
  actor_org, actor_user, actor_role, action, case_id::text AS case_id, subject_type, subject_id, purpose,
  agreement_id::text AS agreement_id, consent_id::text AS consent_id,
  array_to_json(fields)::text AS fields, array_to_json(withheld)::text AS withheld, detail::text AS detail,
  prev_hash, hash`;

/** A row as AUDIT_COLUMNS selects it: the hashed content, with arrays and JSON still as text. */
export type AuditRow = Omit<AuditContent, 'fields' | 'withheld' | 'detail'> & {
  seq: string;
  fields: string;
  withheld: string;
  detail: string;
  hash: string;
};

export function contentOf(row: AuditRow): AuditContent {
  return {
    id: row.id,
    // Whole milliseconds read back as JavaScript wrote them: .123000Z → .123Z.
    recorded_at: row.recorded_at.replace(/(\.\d{3})000Z$/, '$1Z'),
    actor_org: row.actor_org,
    actor_user: row.actor_user,
    actor_role: row.actor_role,
    action: row.action,
    case_id: row.case_id,
    subject_type: row.subject_type,
    subject_id: row.subject_id,
    purpose: row.purpose,
    agreement_id: row.agreement_id,
    consent_id: row.consent_id,
    fields: JSON.parse(row.fields) as string[],
    withheld: JSON.parse(row.withheld) as string[],
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    prev_hash: row.prev_hash,
  };
}

export function recordOf(seq: number, content: AuditContent, hash: string): AuditRecord {
  return {
    seq,
    id: content.id,
    recordedAt: new Date(content.recorded_at),
    actor: { orgId: content.actor_org, userId: content.actor_user, role: content.actor_role },
    action: content.action as AuditAction,
    caseId: content.case_id,
    subjectType: content.subject_type,
    subjectId: content.subject_id,
    purpose: content.purpose,
    agreementId: content.agreement_id,
    consentId: content.consent_id,
    fields: content.fields,
    withheld: content.withheld,
    detail: content.detail,
    prevHash: content.prev_hash,
    hash,
  };
}
