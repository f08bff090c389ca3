import type { AuditQueryable, AuditRecord } from './audit-entry';
import { AUDIT_COLUMNS, AUDIT_TABLE, type AuditRow, contentOf, recordOf, UUID_PATTERN } from './audit-rows';

/** Everything recorded about one case, oldest first. A malformed id names no case. */
export async function trailForCase(db: AuditQueryable, caseId: string): Promise<AuditRecord[]> {
  if (!UUID_PATTERN.test(caseId)) return [];
  const rows: AuditRow[] = await db.query(
    `SELECT ${AUDIT_COLUMNS} FROM ${AUDIT_TABLE} WHERE case_id = $1::uuid ORDER BY audit_log.seq`,
    [caseId],
  );
  return rows.map((row) => recordOf(Number(row.seq), contentOf(row), row.hash));
}
