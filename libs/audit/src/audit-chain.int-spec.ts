import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openSubgraphDataSource } from '@hub/platform';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { EXCHANGE_SCHEMA } from '../../../apps/exchange/src/exchange-app.module';
import { AuditAction } from './audit-action';
import type { AuditRecord } from './audit-entry';
import { AuditLog } from './audit-log';
import { verifyAuditChain } from './verify-audit-chain';

/** What the chain and the database do when someone tries to rewrite the record. */
describe('the audit chain against tampering', () => {
  let database: TestDatabase;
  let exchange: DataSource;
  let rows: AuditRecord[];

  beforeEach(async () => {
    database = await createTestDatabase();
    exchange = await openSubgraphDataSource(database.connector, EXCHANGE_SCHEMA);
    const audit = new AuditLog();
    rows = await exchange.transaction((manager) =>
      audit.append(
        manager,
        ...Array.from({ length: 5 }, () => ({
          actor: { orgId: 'pst', userId: 'worker@pst', role: 'LINK_WORKER' },
          action: AuditAction.DISCLOSURE,
          caseId: randomUUID(),
          subjectType: 'Case',
          subjectId: 'case',
          fields: ['NAME'],
          withheld: ['HEALTH'],
        })),
      ),
    );
  });
  afterEach(async () => {
    await exchange.destroy();
    await database.drop();
  });

  /** As a DBA with the table's ownership could: switch the guard off, change the past, switch it on. */
  async function asDba(sql: string, params: unknown[]): Promise<void> {
    await exchange.query('ALTER TABLE exchange.audit_log DISABLE TRIGGER ALL');
    await exchange.query(sql, params);
    await exchange.query('ALTER TABLE exchange.audit_log ENABLE TRIGGER ALL');
  }

  it('catches a row whose disclosed fields were rewritten, at that row', async () => {
    await asDba(`UPDATE exchange.audit_log SET fields = '{NAME,HEALTH}' WHERE seq = $1`, [rows[2].seq]);

    expect(await verifyAuditChain(exchange)).toEqual({
      ok: false,
      rows: 2,
      brokenAt: { seq: rows[2].seq, id: rows[2].id, reason: expect.stringMatching(/content was changed/) },
    });
  });

  it('catches a row retimed by less than a millisecond', async () => {
    await asDba(`UPDATE exchange.audit_log SET recorded_at = recorded_at + interval '1 microsecond' WHERE seq = $1`, [rows[3].seq]);

    expect(await verifyAuditChain(exchange)).toMatchObject({ ok: false, brokenAt: { seq: rows[3].seq } });
  });

  it('catches a removed middle row, at the row after it', async () => {
    await asDba('DELETE FROM exchange.audit_log WHERE seq = $1', [rows[2].seq]);

    expect(await verifyAuditChain(exchange)).toEqual({
      ok: false,
      rows: 2,
      brokenAt: { seq: rows[3].seq, id: rows[3].id, reason: expect.stringMatching(/row was removed/) },
    });
  });

  it('catches two rows put back in each other\'s place, at the first of them', async () => {
    const columns = 'id, recorded_at, actor_org, actor_user, actor_role, action, case_id, subject_type, subject_id, purpose, agreement_id, consent_id, fields, withheld, detail, prev_hash, hash';
    await exchange.query('ALTER TABLE exchange.audit_log DISABLE TRIGGER ALL');
    await exchange.transaction(async (manager) => {
      const [second, third] = [rows[2].seq, rows[3].seq];
      await manager.query('CREATE TEMP TABLE moved ON COMMIT DROP AS SELECT * FROM exchange.audit_log WHERE seq IN ($1, $2)', [second, third]);
      await manager.query('DELETE FROM exchange.audit_log WHERE seq IN ($1, $2)', [second, third]);
      await manager.query(
        `INSERT INTO exchange.audit_log (seq, ${columns}) OVERRIDING SYSTEM VALUE
         SELECT CASE seq WHEN $1::bigint THEN $2::bigint ELSE $1::bigint END, ${columns} FROM moved`,
        [second, third],
      );
    });
    await exchange.query('ALTER TABLE exchange.audit_log ENABLE TRIGGER ALL');

    expect(await verifyAuditChain(exchange)).toEqual({
      ok: false,
      rows: 2,
      brokenAt: { seq: rows[2].seq, id: rows[3].id, reason: expect.stringMatching(/reordered/) },
    });
  });

  it('refuses UPDATE while the guard is on', async () => {
    await expect(exchange.query(`UPDATE exchange.audit_log SET fields = '{}'`)).rejects.toThrow(/append-only: UPDATE refused/);
  });

  it('refuses DELETE while the guard is on', async () => {
    await expect(exchange.query('DELETE FROM exchange.audit_log WHERE seq = $1', [rows[0].seq])).rejects.toThrow(
      /append-only: DELETE refused/,
    );
  });

  it('refuses TRUNCATE while the guard is on', async () => {
    await expect(exchange.query('TRUNCATE exchange.audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await verifyAuditChain(exchange)).toEqual({ ok: true, rows: 5 });
  });

  it('refuses a second row linked to the same predecessor, a fork', async () => {
    await expect(
      exchange.query(
        `INSERT INTO exchange.audit_log (id, recorded_at, actor_org, actor_user, actor_role, action, subject_type, subject_id, prev_hash, hash)
         VALUES ($1, now(), 'pst', 'x', 'LINK_WORKER', 'DISCLOSURE', 'Case', 'c', $2, $3)`,
        [randomUUID(), rows[1].prevHash, 'f'.repeat(64)],
      ),
    ).rejects.toThrow(/duplicate key/);
  });
});
