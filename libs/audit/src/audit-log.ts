import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEntryInput, AuditRecord } from './audit-entry';
import { type AuditContent, auditHash, GENESIS_HASH } from './audit-hash';
import { AUDIT_TABLE, recordOf, UUID_PATTERN } from './audit-rows';

/** Serialises appenders so each row links to the one committed before it: 'auditlog' as 8 bytes. */
export const AUDIT_CHAIN_LOCK = '7022629598041763687';

const COLUMNS = [
  'id', 'recorded_at', 'actor_org', 'actor_user', 'actor_role', 'action', 'case_id', 'subject_type', 'subject_id',
  'purpose', 'agreement_id', 'consent_id', 'fields', 'withheld', 'detail', 'prev_hash', 'hash',
] as const;
const CASTS: Partial<Record<(typeof COLUMNS)[number], string>> = {
  id: 'uuid', recorded_at: 'timestamptz', case_id: 'uuid', agreement_id: 'uuid', consent_id: 'uuid',
  fields: 'text[]', withheld: 'text[]', detail: 'jsonb',
};
// Well under PostgreSQL's 65,535 parameters per statement.
const ROWS_PER_INSERT = 1000;

/**
 * The exchange's append-only, hash-chained audit log. `append` runs inside the caller's transaction,
 * as its last work, so a row commits or rolls back with what it records. It uses only that
 * transaction's connection: the embedded database is one session, and a second would deadlock.
 */
@Injectable()
export class AuditLog {
  async append(manager: EntityManager, ...entries: AuditEntryInput[]): Promise<AuditRecord[]> {
    if (entries.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditLog.append runs inside the transaction it records; this manager holds none.');
    }
    await manager.query(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    // Read after the lock is granted. Only READ COMMITTED takes a fresh snapshot per statement; an
    // older snapshot would miss the latest row and fork the chain (the unique prev_hash refuses it anyway).
    const [head] = await manager.query(
      `SELECT current_setting('transaction_isolation') AS isolation,
              (SELECT hash FROM ${AUDIT_TABLE} ORDER BY seq DESC LIMIT 1) AS hash`,
    );
    if (head.isolation !== 'read committed') {
      throw new Error(`AuditLog.append needs a READ COMMITTED transaction, not ${head.isolation}.`);
    }
    // Stamped after the lock, so recorded_at follows the chain's order.
    const recordedAt = new Date().toISOString();
    let prevHash: string = head.hash ?? GENESIS_HASH;
    const linked = entries.map((entry) => {
      const content = contentFor(entry, recordedAt, prevHash);
      const hash = auditHash(content);
      prevHash = hash;
      return { content, hash };
    });
    const records: AuditRecord[] = [];
    for (let start = 0; start < linked.length; start += ROWS_PER_INSERT) {
      const batch = linked.slice(start, start + ROWS_PER_INSERT);
      const inserted: { seq: string; id: string }[] = await manager.query(insertSql(batch.length), batch.flatMap(paramsOf));
      const seqById = new Map(inserted.map((row) => [row.id, Number(row.seq)]));
      for (const { content, hash } of batch) records.push(recordOf(seqById.get(content.id) as number, content, hash));
    }
    // The verifier walks seq order, so seq order must be chain order.
    records.forEach((record, i) => {
      if (i > 0 && !(record.seq > records[i - 1].seq)) throw new Error('Audit rows were numbered out of chain order.');
    });
    return records;
  }
}

/** The row exactly as it will read back: canonical UUIDs, detail as jsonb will return it. */
function contentFor(entry: AuditEntryInput, recordedAt: string, prevHash: string): AuditContent {
  return {
    id: randomUUID(),
    recorded_at: recordedAt,
    actor_org: bounded('actor_org', entry.actor.orgId, 64),
    actor_user: bounded('actor_user', entry.actor.userId, 200),
    actor_role: bounded('actor_role', entry.actor.role, 40),
    action: bounded('action', entry.action, 60),
    case_id: uuidOrNull('case_id', entry.caseId),
    subject_type: bounded('subject_type', entry.subjectType, 60),
    subject_id: bounded('subject_id', entry.subjectId, 100),
    purpose: entry.purpose == null ? null : bounded('purpose', entry.purpose, 40),
    agreement_id: uuidOrNull('agreement_id', entry.agreementId),
    consent_id: uuidOrNull('consent_id', entry.consentId),
    fields: [...(entry.fields ?? [])],
    withheld: [...(entry.withheld ?? [])],
    // Through JSON once: undefined goes, dates become strings, just as jsonb will store them.
    detail: JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>,
    prev_hash: prevHash,
  };
}

/** PostgreSQL would refuse a longer value, or silently trim trailing spaces and break the hash. */
function bounded(column: string, value: string, max: number): string {
  if ([...value].length > max) throw new Error(`Audit ${column} is longer than ${max} characters.`);
  return value;
}

/** PostgreSQL prints UUIDs in lower case; hash what it will print. */
function uuidOrNull(column: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!UUID_PATTERN.test(value)) throw new Error(`Audit ${column} is not a UUID.`);
  return value.toLowerCase();
}

function insertSql(rows: number): string {
  const values = Array.from({ length: rows }, (_, row) => {
    const params = COLUMNS.map((column, i) => {
      const cast = CASTS[column];
      return `$${row * COLUMNS.length + i + 1}${cast ? `::${cast}` : ''}`;
    });
    return `(${params.join(', ')})`;
  });
  return `INSERT INTO ${AUDIT_TABLE} (${COLUMNS.join(', ')}) VALUES ${values.join(', ')} RETURNING seq::text AS seq, id::text AS id`;
}

function paramsOf({ content, hash }: { content: AuditContent; hash: string }): unknown[] {
  const row: Record<(typeof COLUMNS)[number], unknown> = { ...content, detail: JSON.stringify(content.detail), hash };
  return COLUMNS.map((column) => row[column]);
}
