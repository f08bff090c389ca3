import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openSubgraphDataSource } from '@hub/platform';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { EXCHANGE_SCHEMA } from '../../../apps/exchange/src/exchange-app.module';
import { AuditAction } from './audit-action';
import type { AuditEntryInput } from './audit-entry';
import { AuditLog } from './audit-log';
import { trailForCase } from './audit-trail';
import { verifyAuditChain } from './verify-audit-chain';

const worker = { orgId: 'pst', userId: 'worker@pst', role: 'LINK_WORKER' };

function disclosure(caseId: string, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    actor: worker,
    action: AuditAction.DISCLOSURE,
    caseId,
    subjectType: 'Case',
    subjectId: caseId,
    purpose: 'DIRECT_SUPPORT',
    fields: ['NAME', 'CONTACT'],
    withheld: ['HEALTH'],
    detail: { rule: 'REFERRAL_RECIPIENT', nested: { z: [1, 2.5, null], a: 'é "quoted"' } },
    ...overrides,
  };
}

describe('AuditLog', () => {
  let database: TestDatabase;
  let exchange: DataSource;
  const audit = new AuditLog();
  const append = (...entries: AuditEntryInput[]) => exchange.transaction((manager) => audit.append(manager, ...entries));

  beforeEach(async () => {
    database = await createTestDatabase();
    exchange = await openSubgraphDataSource(database.connector, EXCHANGE_SCHEMA);
  });
  afterEach(async () => {
    await exchange.destroy();
    await database.drop();
  });

  it('appends within a transaction, links each row to the one before, and verifies', async () => {
    const caseId = randomUUID();
    const first = await append(disclosure(caseId), { actor: worker, action: AuditAction.CASE_CREATED, subjectType: 'Case', subjectId: caseId });
    const [second] = await append(disclosure(caseId.toUpperCase(), { detail: { at: new Date('2025-11-23T09:30:00Z'), gone: undefined } }));

    expect(first[0].prevHash).toBe('0'.repeat(64));
    expect(first[1].prevHash).toBe(first[0].hash);
    expect(second.prevHash).toBe(first[1].hash);
    expect(await verifyAuditChain(exchange)).toEqual({ ok: true, rows: 3 });
  });

  it('reads a case trail back in seq order, as it was appended', async () => {
    const caseId = randomUUID();
    const created = { actor: worker, action: AuditAction.CASE_CREATED, caseId, subjectType: 'Case', subjectId: caseId };
    // Past seq 10, so ordering by seq as text (1, 10, 2) would show.
    const appended = await append(created, ...Array.from({ length: 11 }, () => disclosure(caseId)));
    await append(disclosure(randomUUID()));

    const trail = await trailForCase(exchange, caseId);
    expect(trail).toEqual(appended);
    expect(trail[11]).toMatchObject({
      actor: worker,
      action: AuditAction.DISCLOSURE,
      fields: ['NAME', 'CONTACT'],
      withheld: ['HEALTH'],
      agreementId: null,
      detail: { rule: 'REFERRAL_RECIPIENT', nested: { z: [1, 2.5, null], a: 'é "quoted"' } },
    });
    expect(await trailForCase(exchange, 'not-a-case')).toEqual([]);
  });

  it('leaves no row when the transaction it was part of rolls back', async () => {
    await append(disclosure(randomUUID()));
    await expect(
      exchange.transaction(async (manager) => {
        await audit.append(manager, disclosure(randomUUID()));
        throw new Error('the recorded work failed');
      }),
    ).rejects.toThrow('the recorded work failed');

    expect(await exchange.query('SELECT count(*)::int AS n FROM exchange.audit_log')).toEqual([{ n: 1 }]);
    expect(await verifyAuditChain(exchange)).toEqual({ ok: true, rows: 1 });
  });

  it('keeps one chain, not a fork, when twenty transactions append at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        exchange.transaction(async (manager) => {
          await manager.query('SELECT pg_sleep($1)', [(i % 5) / 200]); // overlap the transactions' work
          await audit.append(manager, disclosure(randomUUID()), disclosure(randomUUID()));
        }),
      ),
    );

    expect(await verifyAuditChain(exchange, 7)).toEqual({ ok: true, rows: 40 });
  });

  it('records a read in one statement of its own, committed when it returns, on the same chain', async () => {
    const [before] = await append(disclosure(randomUUID()));
    // Every statement the log sends, and any transaction it opens, on the connections it borrows.
    const statements: string[] = [];
    let transactions = 0;
    const createRunner = exchange.createQueryRunner.bind(exchange);
    const spy = jest.spyOn(exchange, 'createQueryRunner').mockImplementation((mode) => {
      const runner = createRunner(mode);
      const connect = runner.connect.bind(runner);
      const startTransaction = runner.startTransaction.bind(runner);
      runner.startTransaction = (level) => {
        transactions += 1;
        return startTransaction(level);
      };
      runner.connect = async () => {
        const client = await connect();
        return new Proxy(client, {
          get(target, property) {
            const value = Reflect.get(target, property, target);
            if (property !== 'query') return typeof value === 'function' ? value.bind(target) : value;
            return (config: string | { text: string }, ...rest: unknown[]) => {
              statements.push(typeof config === 'string' ? config : config.text);
              return value.call(target, config, ...rest);
            };
          },
        });
      };
      return runner;
    });
    const recorded = await audit.record(exchange, disclosure(randomUUID()), disclosure(randomUUID(), { fields: [], withheld: ['NAME'] }));
    spy.mockRestore();

    expect(statements).toEqual([expect.stringContaining('exchange.audit_append')]);
    expect(transactions).toBe(0);
    expect(recorded.map((r) => r.prevHash)).toEqual([before.hash, recorded[0].hash]);
    expect(recorded[1]).toMatchObject({ fields: [], withheld: ['NAME'] });
    expect(await exchange.query('SELECT count(*)::int AS n FROM exchange.audit_log')).toEqual([{ n: 3 }]);
    expect(await trailForCase(exchange, recorded[0].caseId as string)).toEqual([recorded[0]]);
    expect(await verifyAuditChain(exchange)).toEqual({ ok: true, rows: 3 });
  });

  it('keeps one chain, numbered and timed in chain order, when reads and transactions append at once', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? exchange.transaction(async (manager) => {
              await manager.query('SELECT pg_sleep($1)', [(i % 5) / 200]); // hold the lock while others wait
              await audit.append(manager, disclosure(randomUUID()), disclosure(randomUUID()));
              await manager.query('SELECT pg_sleep($1)', [(i % 4) / 200]);
            })
          : audit.record(exchange, ...Array.from({ length: 1 + (i % 3) }, () => disclosure(randomUUID()))),
      ),
    );

    const rows: { recorded_at: string }[] = await exchange.query(
      `SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS recorded_at FROM exchange.audit_log ORDER BY seq`,
    );
    expect(rows.map((r) => r.recorded_at)).toEqual(rows.map((r) => r.recorded_at).sort());
    expect(await verifyAuditChain(exchange, 7)).toEqual({ ok: true, rows: 10 * 2 + 10 * 2 + 10 * 3 });
  });

  it('refuses to append in a transaction that does not see the latest row, rather than fork', async () => {
    await expect(
      exchange.transaction('REPEATABLE READ', (manager) => audit.append(manager, disclosure(randomUUID()))),
    ).rejects.toThrow(/needs READ COMMITTED, not repeatable read/);
    expect(await exchange.query('SELECT count(*)::int AS n FROM exchange.audit_log')).toEqual([{ n: 0 }]);
  });

  it('refuses to append outside a transaction, where its lock would not hold', async () => {
    await expect(audit.append(exchange.manager, disclosure(randomUUID()))).rejects.toThrow(/inside the transaction/);
  });

  it('refuses an id that is not a UUID and a value longer than its column', async () => {
    await expect(append(disclosure('case-1'))).rejects.toThrow(/case_id is not a UUID/);
    await expect(append(disclosure(randomUUID(), { subjectId: 'x'.repeat(101) }))).rejects.toThrow(/subject_id is longer/);
    await expect(audit.record(exchange, disclosure('case-1'))).rejects.toThrow(/case_id is not a UUID/);
    expect(await exchange.query('SELECT count(*)::int AS n FROM exchange.audit_log')).toEqual([{ n: 0 }]);
  });
});
