import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntryInput, AuditRecord } from './audit-entry';
import { type AuditBody, auditHashPieces } from './audit-hash';
import { recordOf, UUID_PATTERN } from './audit-rows';

/**
 * Serialises appenders so each row links to the one committed before it: 'auditlog' as 8 bytes. Taken
 * inside exchange.audit_append (migration 1763900006000), held to the end of the appending transaction.
 */
export const AUDIT_CHAIN_LOCK = '7022629598041763687';

// One statement's worth: entries travel as one jsonb parameter, so this bounds its size, not a parameter count.
const ENTRIES_PER_STATEMENT = 1000;

const APPEND = {
  // A named prepared statement: each connection parses and plans it once.
  name: 'hub_audit_append_v1',
  text: `SELECT appended_seq::text AS seq, appended_id::text AS id, appended_at AS recorded_at,
    appended_prev_hash AS prev_hash, appended_hash AS hash FROM exchange.audit_append($1::jsonb)`,
};

/** The node-postgres client a TypeORM query runner holds (PostgreSQL, or PGlite through its adapter). */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

interface AppendedRow {
  seq: string;
  id: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

/**
 * The exchange's append-only, hash-chained audit log. Each append is one statement,
 * `exchange.audit_append`, which takes the chain's lock, links the rows to the last one, stamps and
 * hashes them and inserts them. `append` runs it inside the caller's transaction, as its last work,
 * so the rows commit or roll back with what they record (the lock is held to that commit). `record`
 * runs it on its own, for a read, which changes nothing and needs no transaction. Both use one
 * connection only: the embedded database is one session, and a second would deadlock.
 */
@Injectable()
export class AuditLog {
  async append(manager: EntityManager, ...entries: AuditEntryInput[]): Promise<AuditRecord[]> {
    if (entries.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditLog.append runs inside the transaction it records; this manager holds none.');
    }
    return appendTo(manager, entries.map(bodyFor));
  }

  /**
   * What a read disclosed and withheld, appended and committed before this returns: the caller hands
   * nothing over until it has, and an append that fails throws, so nothing is handed over unrecorded.
   * One statement, no transaction of its own (a list too long for one statement gets one).
   */
  async record(dataSource: DataSource, ...entries: AuditEntryInput[]): Promise<AuditRecord[]> {
    if (entries.length === 0) return [];
    if (entries.length > ENTRIES_PER_STATEMENT) {
      return dataSource.transaction((manager) => this.append(manager, ...entries));
    }
    return appendTo(dataSource.manager, entries.map(bodyFor));
  }
}

/** On the manager's transaction when it holds one; otherwise on a connection borrowed for these statements alone. */
async function appendTo(manager: EntityManager, bodies: AuditBody[]): Promise<AuditRecord[]> {
  const held = manager.queryRunner && !manager.queryRunner.isReleased ? manager.queryRunner : undefined;
  const runner = held ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    return await appendWith(client, bodies);
  } finally {
    if (!held) await runner.release();
  }
}

async function appendWith(client: PgClient, bodies: AuditBody[]): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for (let start = 0; start < bodies.length; start += ENTRIES_PER_STATEMENT) {
    const batch = bodies.slice(start, start + ENTRIES_PER_STATEMENT);
    const entries = batch.map((body) => ({ ...body, pieces: auditHashPieces(body) }));
    const appended = (await client.query({ ...APPEND, values: [JSON.stringify(entries)] })).rows as AppendedRow[];
    const byId = new Map(appended.map((row) => [row.id, row]));
    for (const body of batch) {
      const row = byId.get(body.id);
      if (!row) throw new Error('An audit row was not appended.');
      records.push(recordOf(Number(row.seq), { ...body, prev_hash: row.prev_hash, recorded_at: row.recorded_at }, row.hash));
    }
  }
  // The verifier walks seq order, so seq order must be chain order.
  records.forEach((record, i) => {
    if (i > 0 && !(record.seq > records[i - 1].seq && record.prevHash === records[i - 1].hash)) {
      throw new Error('Audit rows were numbered out of chain order.');
    }
  });
  return records;
}

/** The row exactly as it will read back: canonical UUIDs, detail as jsonb will return it. */
function bodyFor(entry: AuditEntryInput): AuditBody {
  return {
    id: randomUUID(),
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
