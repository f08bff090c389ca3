import { readLandscape } from '@hub/platform';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { closeAll, openAllSubgraphs } from '../apps/hub/src/migrate-all';
import { seedDataSources } from '../apps/hub/src/seed-landscape';

describe('migrations and seeding', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.drop());

  it('gives each subgraph its own schema with its own migrations table', async () => {
    const sources = await openAllSubgraphs(database.connector);
    const rows: { table_schema: string; table_name: string }[] = await sources.exchange.query(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_schema IN ('exchange', 'directory', 'insights') ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { table_schema: 'directory', table_name: 'migrations' },
      { table_schema: 'directory', table_name: 'services' },
      { table_schema: 'directory', table_name: 'unmet_needs' },
      { table_schema: 'exchange', table_name: 'agreement_signatures' },
      { table_schema: 'exchange', table_name: 'agreements' },
      { table_schema: 'exchange', table_name: 'audit_log' },
      { table_schema: 'exchange', table_name: 'cases' },
      { table_schema: 'exchange', table_name: 'consents' },
      { table_schema: 'exchange', table_name: 'migrations' },
      { table_schema: 'exchange', table_name: 'organisations' },
      { table_schema: 'exchange', table_name: 'outbox' },
      { table_schema: 'exchange', table_name: 'referral_events' },
      { table_schema: 'exchange', table_name: 'referrals' },
      { table_schema: 'insights', table_name: 'disclosure_secret' },
      { table_schema: 'insights', table_name: 'gap_cells' },
      { table_schema: 'insights', table_name: 'migrations' },
      { table_schema: 'insights', table_name: 'projection' },
      { table_schema: 'insights', table_name: 'report_requests' },
    ]);
    await closeAll(sources);
  });

  it('applies nothing twice when opened again', async () => {
    const first = await openAllSubgraphs(database.connector);
    const secretOf = async (s: typeof first) =>
      (await s.insights.query(`SELECT encode(secret, 'hex') AS hex FROM insights.disclosure_secret`)) as { hex: string }[];
    const secret = await secretOf(first);
    await closeAll(first);
    const sources = await openAllSubgraphs(database.connector);
    expect(await sources.exchange.query('SELECT name FROM exchange.migrations')).toEqual([
      { name: 'CreateOrganisations1763900000000' },
      { name: 'CreateExchangeRecords1763900001000' },
      { name: 'CreateAuditLog1763900002000' },
      { name: 'AddReferralService1763900003000' },
      { name: 'ReferralLifecycle1763900004000' },
      { name: 'AddCaseSourceRef1763900005000' },
      { name: 'AuditAppendFunction1763900006000' },
      { name: 'InsightsFeed1763900007000' },
    ]);
    expect(await sources.directory.query('SELECT name FROM directory.migrations')).toEqual([
      { name: 'CreateServices1763900000100' },
      { name: 'DescribeServices1763900000200' },
      { name: 'UnmetNeedSignalsView1763900000300' },
    ]);
    expect(await sources.insights.query('SELECT name FROM insights.migrations')).toEqual([
      { name: 'GapProjection1763900008000' },
      { name: 'ReportRequests1763900009000' },
    ]);
    // The disclosure secret is drawn once (32 random bytes) and kept: opening again does not redraw it.
    expect(secret).toHaveLength(1);
    expect(secret[0].hex).toMatch(/^[0-9a-f]{64}$/);
    expect(await secretOf(sources)).toEqual(secret);
    await closeAll(sources);
  });

  it('seeds the landscape idempotently', async () => {
    const landscape = readLandscape('config/landscape.thamesmead.json');
    const sources = await openAllSubgraphs(database.connector);
    await seedDataSources(sources, landscape);
    await seedDataSources(sources, landscape);
    const [{ organisations }] = await sources.exchange.query('SELECT count(*)::int AS organisations FROM exchange.organisations');
    const [{ services }] = await sources.directory.query('SELECT count(*)::int AS services FROM directory.services');
    expect({ organisations, services }).toEqual({
      organisations: landscape.organisations.length,
      services: landscape.services.length,
    });
    await closeAll(sources);
  });

  it('refuses an organisation slug that is not a slug', async () => {
    const sources = await openAllSubgraphs(database.connector);
    await expect(
      sources.exchange.query(
        `INSERT INTO exchange.organisations (id, name, kind, borough) VALUES ('Not A Slug', 'x', 'PARTNER_AGENCY', 'BEXLEY')`,
      ),
    ).rejects.toThrow(/check constraint/);
    await closeAll(sources);
  });
});
