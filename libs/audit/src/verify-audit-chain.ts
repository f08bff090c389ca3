import type { AuditQueryable } from './audit-entry';
import { auditHash, GENESIS_HASH } from './audit-hash';
import { AUDIT_COLUMNS, AUDIT_TABLE, type AuditRow, contentOf } from './audit-rows';

export interface AuditChainBreak {
  seq: number;
  id: string;
  reason: string;
}

/** `rows` counts the rows found intact (before the break, when there is one). */
export type AuditChainReport = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: AuditChainBreak };

const BEFORE_FIRST_SEQ = '-9223372036854775808';

/**
 * Walks the log in seq order, recomputing every hash from the stored columns, and names the first
 * broken link: a changed row no longer matches its hash; a removed one leaves the next row pointing
 * at a hash that is not its predecessor's. (Cutting rows off the end leaves no link to break: anchor
 * the latest hash elsewhere to catch that.)
 */
export async function verifyAuditChain(db: AuditQueryable, batchSize = 1000): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let after = BEFORE_FIRST_SEQ;
  let rows = 0;
  for (;;) {
    const batch: AuditRow[] = await db.query(
      `SELECT ${AUDIT_COLUMNS} FROM ${AUDIT_TABLE} WHERE seq > $1::bigint ORDER BY audit_log.seq LIMIT $2`,
      [after, batchSize],
    );
    for (const row of batch) {
      const seq = Number(row.seq);
      if (row.prev_hash !== prevHash) {
        const reason = `prev_hash does not match the hash of the row before it: a row was removed, added or reordered`;
        return { ok: false, rows, brokenAt: { seq, id: row.id, reason } };
      }
      if (auditHash(contentOf(row)) !== row.hash) {
        return { ok: false, rows, brokenAt: { seq, id: row.id, reason: 'hash does not match the row: its content was changed' } };
      }
      prevHash = row.hash;
      rows += 1;
    }
    if (batch.length < batchSize) return { ok: true, rows };
    after = batch[batch.length - 1].seq;
  }
}
