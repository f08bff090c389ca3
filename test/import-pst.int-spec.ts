import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { verifyAuditChain } from '@hub/audit';
import { importPstFormFile, type PstImportResult, pstImportReportCsv } from '@hub/exchange';
import { type DatabaseConnector, EmbeddedDatabase, readLandscape } from '@hub/platform';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { closeAll, openAllSubgraphs } from '../apps/hub/src/migrate-all';
import { seedDataSources } from '../apps/hub/src/seed-landscape';

const FIXTURE = 'test/fixtures/pst-mixed.csv';
const landscape = readLandscape('config/landscape.thamesmead.json');

/** Rows 2, 10 and 14 are good; 12 repeats 2; 13 is blank; the rest are bad, each for its reason. */
const EXPECTED_REJECTIONS: [row: number, column: string, reason: RegExp][] = [
  [3, 'post_code', /UK postcode/],
  [4, 'nhs_number', /check digit/],
  [5, 'date_of_birth', /past date of birth/],
  [6, 'signature', /^no signed consent$/],
  [7, 'need_*', /no need is ticked/],
  [8, 'email', /email/],
  [9, 'borough', /Greenwich or Bexley, not "Narnia"/],
  [11, 'form_date', /future/],
  [15, 'post_code', /UK postcode/],
  [15, 'telephone', /UK mobile or landline/],
  [15, 'can_leave_message', /Y or N, not "maybe"/],
];

async function seeded(connector: DatabaseConnector): Promise<Record<string, DataSource>> {
  const sources = await openAllSubgraphs(connector);
  await seedDataSources(sources, landscape);
  return sources;
}

async function counts(exchange: DataSource) {
  const [row] = await exchange.query(`
    SELECT (SELECT count(*)::int FROM exchange.cases) AS cases,
           (SELECT count(*)::int FROM exchange.consents) AS consents,
           (SELECT count(*)::int FROM exchange.audit_log) AS audit`);
  return row as { cases: number; consents: number; audit: number };
}

function expectTheFixtureOutcome(result: PstImportResult, firstRun: boolean) {
  expect({ read: result.read, imported: result.imported, alreadyImported: result.alreadyImported }).toEqual(
    firstRun ? { read: 13, imported: 3, alreadyImported: 1 } : { read: 13, imported: 0, alreadyImported: 4 },
  );
  const reported = result.rejected.flatMap((r) => r.problems.map((p) => [r.row, p.column, p.reason] as const));
  for (const [row, column, reason] of EXPECTED_REJECTIONS) {
    expect(reported).toContainEqual([row, column, expect.stringMatching(reason)]);
  }
  expect(result.rejected.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 11, 15]);
}

describe('importing PST paper referral forms', () => {
  let database: TestDatabase;
  let sources: Record<string, DataSource>;
  beforeEach(async () => {
    database = await createTestDatabase();
    sources = await seeded(database.connector);
  });
  afterEach(async () => {
    await closeAll(sources);
    await database.drop();
  });

  it('imports the good rows as cases with their signed consent and audit rows, and reports every bad row', async () => {
    const result = await importPstFormFile(sources.exchange, FIXTURE);
    expectTheFixtureOutcome(result, true);

    const cases = await sources.exchange.query(
      `SELECT c.id, c.given_name, c.owner_org, c.created_by, c.source_ref, c.needs, c.borough_of_residence, c.postcode,
              c.nhs_number, c.can_contact_for_feedback, c.notes, c.needs_detail,
              k.method, k.partnership, k.recipients, k.purposes, k.categories, k.valid_from::text AS valid_from,
              k.recorded_by_org, k.recorded_by_user, k.venue, k.given_by, k.can_contact_for_feedback AS consent_feedback
         FROM exchange.cases c JOIN exchange.consents k ON k.case_id = c.id ORDER BY c.given_name`,
    );
    expect(cases.map((c: { given_name: string }) => c.given_name)).toEqual(['Ana', 'Dev', 'Margaret']);
    const margaret = cases[2];
    expect(margaret).toMatchObject({
      owner_org: 'pst',
      created_by: 'import:pst',
      source_ref: expect.stringMatching(/^pst-paper:[0-9a-f]{64}$/),
      needs: ['DEBT', 'BENEFITS'],
      borough_of_residence: 'GREENWICH',
      postcode: 'SE2 9XX',
      nhs_number: '9434765919',
      method: 'SIGNED_FORM',
      partnership: true,
      recipients: [],
      purposes: ['DIRECT_SUPPORT', 'FOLLOW_UP'],
      categories: ['IDENTITY', 'CONTACT', 'CIRCUMSTANCES', 'NEEDS'],
      valid_from: '2025-03-04',
      recorded_by_org: 'pst',
      recorded_by_user: 'import:pst',
      venue: 'Lakeside Health Centre',
      given_by: 'Margaret Example',
    });
    expect(margaret.notes).toContain('Referring officer: Sam Okafor of Lakeside Health Centre');
    expect(cases[1]).toMatchObject({ needs: ['EMERGENCY_FOOD', 'DISABILITY_ADVICE'], purposes: ['DIRECT_SUPPORT'], consent_feedback: false });
    expect(cases[1].needs_detail).toBe('Disability advice about: housing.\nNeeds "large print",\nand help on Tuesdays.');

    const audit = await sources.exchange.query(
      `SELECT case_id, action, actor_user, actor_role FROM exchange.audit_log ORDER BY seq`,
    );
    for (const { id } of cases) {
      expect(audit.filter((a: { case_id: string }) => a.case_id === id)).toEqual([
        { case_id: id, action: 'CASE_CREATED', actor_user: 'import:pst', actor_role: 'INTEGRATOR' },
        { case_id: id, action: 'CONSENT_RECORDED', actor_user: 'import:pst', actor_role: 'INTEGRATOR' },
      ]);
    }
    // Nothing partial: row 11 got as far as a case before its consent was refused, and left no trace.
    expect(await counts(sources.exchange)).toEqual({ cases: 3, consents: 3, audit: 6 });
    expect(await verifyAuditChain(sources.exchange)).toEqual({ ok: true, rows: 6 });
  });

  it('imports nothing twice when the same file is imported again', async () => {
    await importPstFormFile(sources.exchange, FIXTURE);
    const before = await counts(sources.exchange);
    const again = await importPstFormFile(sources.exchange, FIXTURE);
    expectTheFixtureOutcome(again, false);
    expect(await counts(sources.exchange)).toEqual(before);
  });

  it('imports each form once when two imports of the same file run at once', async () => {
    const [a, b] = await Promise.all([importPstFormFile(sources.exchange, FIXTURE), importPstFormFile(sources.exchange, FIXTURE)]);
    expect({ imported: a.imported + b.imported, alreadyImported: a.alreadyImported + b.alreadyImported }).toEqual({ imported: 3, alreadyImported: 5 });
    expect(await counts(sources.exchange)).toEqual({ cases: 3, consents: 3, audit: 6 });
  });

  it('writes a report naming each bad row, column and reason', async () => {
    const report = pstImportReportCsv(await importPstFormFile(sources.exchange, FIXTURE)).split('\r\n');
    expect(report[0]).toBe('row,reference,column,reason');
    expect(report).toContain('6,T-005,signature,no signed consent');
    expect(report).toContain('9,T-008,borough,"must be Greenwich or Bexley, not ""Narnia"""');
    expect(report.filter((line) => line.startsWith('15,'))).toHaveLength(3);
  });

  it('refuses an organisation the hub does not know, before importing anything', async () => {
    await expect(importPstFormFile(sources.exchange, FIXTURE, { organisation: 'nobody' })).rejects.toThrow(/No organisation "nobody"/);
    expect(await counts(sources.exchange)).toEqual({ cases: 0, consents: 0, audit: 0 });
  });
});

describe('`npm run import:pst` as a child process', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'hub-import-pst-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('imports the file, writes the report beside it, summarises, and exits 1 for the rejected rows', async () => {
    const file = join(workDir, 'forms.csv');
    copyFileSync(FIXTURE, file);
    // The child needs a database it can open itself: a server database, or the embedded one in a directory.
    const server = await createTestDatabase();
    const connector = server.url ? server.connector : await EmbeddedDatabase.open(workDir);
    await closeAll(await seeded(connector));
    if (!server.url) await connector.close();
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const run = () =>
      promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'scripts/import-pst.ts', file], {
        env: { ...env, ...(server.url ? { DATABASE_URL: server.url } : { HUB_DATA_DIR: workDir }), NODE_OPTIONS: '' },
      }).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout + error.stderr }),
      );
    try {
      const first = await run();
      expect(first.code).toBe(1);
      expect(first.stdout).toContain('read 13, imported 3, already imported 1, rejected 9.');
      expect(first.stdout).toContain('row 6: signature: no signed consent');
      expect(readFileSync(`${file}.report.csv`, 'utf8')).toContain('4,T-003,nhs_number,');
      const second = await run();
      expect(second.stdout).toContain('read 13, imported 0, already imported 4, rejected 9.');
    } finally {
      await server.drop();
    }
  }, 120_000);
});
