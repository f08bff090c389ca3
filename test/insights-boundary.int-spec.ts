import type { DataSource } from 'typeorm';
import { InsightsDatabase } from '@hub/insights';
import { INSIGHTS_DB_ROLE } from '@hub/platform';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { closeAll, openAllSubgraphs } from '../apps/hub/src/migrate-all';

/** Insights reads two de-identified views and its own schema: the database refuses it everything else. */
describe('the insights privacy boundary', () => {
  let database: TestDatabase;
  let sources: Record<string, DataSource>;
  let insights: InsightsDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    sources = await openAllSubgraphs(database.connector);
    insights = new InsightsDatabase(sources.insights);
  });
  afterAll(async () => {
    await closeAll(sources);
    await database.drop();
  });

  const refusal = (sql: string) =>
    insights.run((m) => m.query(sql)).then(
      () => 'read',
      (error: Error) => error.message,
    );

  it('runs as hub_insights, and only inside its transaction', async () => {
    expect(await insights.run((m) => m.query('SELECT current_user AS who'))).toEqual([{ who: INSIGHTS_DB_ROLE }]);
    const [{ who }] = await sources.insights.query('SELECT current_user AS who');
    expect(who).not.toBe(INSIGHTS_DB_ROLE);
  });

  it.each([
    'exchange.cases',
    'exchange.outbox',
    'exchange.referral_events',
    'exchange.referrals',
    'exchange.organisations',
    'exchange.audit_log',
    'directory.services',
    'directory.unmet_needs',
    'insights.migrations',
  ])('cannot read %s', async (table) => {
    expect(await refusal(`SELECT * FROM ${table} LIMIT 1`)).toMatch(/permission denied/);
  });

  it('reads both hub_events views and its own tables, and cannot change its secret', async () => {
    expect(await refusal('SELECT * FROM hub_events.referral_events LIMIT 1')).toBe('read');
    expect(await refusal('SELECT * FROM hub_events.unmet_need_signals LIMIT 1')).toBe('read');
    expect(await refusal('SELECT * FROM insights.gap_cells LIMIT 1')).toBe('read');
    expect(await refusal('SELECT * FROM insights.projection LIMIT 1')).toBe('read');
    const [{ bytes }] = await insights.run((m) => m.query('SELECT octet_length(secret) AS bytes FROM insights.disclosure_secret'));
    expect(bytes).toBe(32);
    expect(await refusal(`UPDATE insights.disclosure_secret SET secret = '\\x00'`)).toMatch(/permission denied/);
  });

  it('cannot widen its own rights', async () => {
    expect(await refusal('CREATE VIEW insights.peek AS SELECT 1 AS one')).toMatch(/permission denied/);
    expect(await refusal(`GRANT SELECT ON exchange.cases TO ${INSIGHTS_DB_ROLE}`)).toMatch(/permission denied|must be owner/);
  });

  it('the views expose exactly the contract columns, nothing more', async () => {
    const columns = async (view: string) =>
      insights.run((m) =>
        m.query(
          `SELECT column_name AS name, CASE data_type WHEN 'ARRAY' THEN udt_name ELSE data_type END AS type
             FROM information_schema.columns WHERE table_schema = 'hub_events' AND table_name = $1 ORDER BY ordinal_position`,
          [view],
        ),
      );
    expect(await columns('referral_events')).toEqual([
      { name: 'seq', type: 'bigint' },
      { name: 'type', type: 'text' },
      { name: 'from_status', type: 'text' },
      { name: 'at', type: 'timestamp with time zone' },
      { name: 'sent_at', type: 'timestamp with time zone' },
      { name: 'needs', type: '_text' },
      { name: 'service_id', type: 'text' },
      { name: 'recipient_org', type: 'text' },
      { name: 'service_borough', type: 'text' },
      { name: 'residence_borough', type: 'text' },
      { name: 'age_band', type: 'text' },
      { name: 'reason', type: 'text' },
      { name: 'measures', type: 'jsonb' },
    ]);
    expect(await columns('unmet_need_signals')).toEqual([
      { name: 'month', type: 'date' },
      { name: 'need', type: 'text' },
      { name: 'residence_borough', type: 'text' },
      { name: 'age_band', type: 'text' },
      { name: 'reason', type: 'text' },
      { name: 'signals', type: 'integer' },
    ]);
    const [{ views }] = await insights.run((m) =>
      m.query(`SELECT string_agg(table_name, ',' ORDER BY table_name) AS views FROM information_schema.tables WHERE table_schema = 'hub_events'`),
    );
    expect(views).toBe('referral_events,unmet_need_signals');
  });

  it('publishes only stamped outbox rows, without the dates measures were recorded on', async () => {
    const exchange = sources.exchange;
    await exchange.query(
      `INSERT INTO exchange.organisations (id, name, kind, borough) VALUES ('live-well', 'Live Well', 'SOCIAL_PRESCRIBING_SERVICE', 'GREENWICH')`,
    );
    const payload = (eventId: string, extra: Record<string, unknown>) => ({
      eventId, referralId: '00000000-0000-4000-8000-000000000001', type: 'COMPLETED', fromStatus: 'ATTENDED', toStatus: 'COMPLETED',
      at: '2026-04-28T10:00:00.000Z', actorOrg: 'live-well', senderOrg: 'pst', recipientOrg: 'live-well', serviceId: null,
      needs: ['MENTAL_HEALTH', 'DEBT'], sentAt: '2026-03-31T09:00:00.000Z', reason: null, residentBorough: null, ageBand: '25-34',
      referralVersion: 8, ...extra,
    });
    const outcome = {
      summary: 'NEEDS_MET',
      measures: [
        { instrument: 'PHQ9', item: null, timepoint: 'BASELINE', score: 18, recordedOn: '2026-04-01' },
        { instrument: 'PHQ9', item: null, timepoint: 'END', score: 9, recordedOn: '2026-04-27' },
      ],
    };
    for (const [eventId, stamped] of [['00000000-0000-4000-8000-00000000000a', true], ['00000000-0000-4000-8000-00000000000b', false]] as const) {
      await exchange.query(
        `INSERT INTO exchange.outbox (topic, aggregate_id, event_id, payload, delivery_seq)
         VALUES ('referral.event', '00000000-0000-4000-8000-000000000001', $1, $2::jsonb, $3)`,
        [eventId, JSON.stringify(payload(eventId, { outcome })), stamped ? 41 : null],
      );
    }
    const rows = await insights.run((m) => m.query('SELECT * FROM hub_events.referral_events'));
    expect(rows).toEqual([
      {
        seq: '41', type: 'COMPLETED', from_status: 'ATTENDED', at: new Date('2026-04-28T10:00:00.000Z'), sent_at: new Date('2026-03-31T09:00:00.000Z'),
        needs: ['MENTAL_HEALTH', 'DEBT'], service_id: null, recipient_org: 'live-well', service_borough: 'GREENWICH',
        residence_borough: null, age_band: '25-34', reason: null,
        measures: [
          { instrument: 'PHQ9', item: null, timepoint: 'BASELINE', score: 18 },
          { instrument: 'PHQ9', item: null, timepoint: 'END', score: 9 },
        ],
      },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/recordedOn|referralId|eventId|pst/);
  });
});
