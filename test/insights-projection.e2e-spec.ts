import { DataSource } from 'typeorm';
import { GapProjector } from '@hub/insights';
import { ExchangeFixtures, MRS_X, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';
import { OutboxRelay } from '../libs/exchange/src/events/outbox-relay';

const SEND = 'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }';
const TRANSITION = 'mutation($input: TransitionReferralInput!) { transitionReferral(input: $input) { status } }';

type Cell = [month: string, need: string, residence: string, serviceBorough: string, service: string, org: string, metric: string, detail: string, count: number];

/**
 * A hand-made population driven through the gateway at set times, published by the relay and folded by
 * the gap projector: every gap_cells row is predicted here, from the contract's fold rules.
 */
describe('the gap projection of published referral events', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  let projector: GapProjector;
  let liveWellService: string;
  let greenwichResident: string;
  let unknownResident: string;
  let expected: Cell[];

  const at = (instant: string) => hub.clock.set(instant);
  const send = async (caseId: string, recipientId: string, needs: string[], extra: Record<string, unknown> = {}) => {
    const sent = await fx.call<{ sendReferral: { id: string } }>('pst', Role.LINK_WORKER, SEND, {
      input: { caseId, recipientId, needs, idempotencyKey: `key-${Math.random().toString(36).slice(2)}`, confirmRepeat: true, ...extra },
    });
    if (sent.errors) throw new Error(JSON.stringify(sent.errors));
    return sent.data!.sendReferral.id;
  };
  const move = async (org: string, id: string, input: Record<string, unknown>) => {
    const moved = await fx.call(org, Role.LINK_WORKER, TRANSITION, { input: { id, ...input } });
    if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  };
  const exchangeDb = () => hub.hub.apps.exchange.get(DataSource);
  const insightsDb = () => hub.hub.apps.insights.get(DataSource);

  /** Stamps every outbox row (the running relay may hold the lock now and then: ask again). */
  const publishAll = async () => {
    const relay = hub.hub.apps.exchange.get(OutboxRelay);
    for (let attempt = 0; attempt < 200; attempt++) {
      await relay.relayOnce();
      const [{ unstamped }] = await exchangeDb().query('SELECT count(*)::int AS unstamped FROM exchange.outbox WHERE delivery_seq IS NULL');
      if (unstamped === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the outbox was not published');
  };
  const cells = async (): Promise<Cell[]> => {
    const rows: Record<string, string>[] = await insightsDb().query(
      `SELECT to_char(month, 'YYYY-MM-DD') AS month, need, residence_borough, service_borough, service_id, recipient_org, metric, detail, count::text
         FROM insights.gap_cells`,
    );
    return rows
      .map((r) => [r.month, r.need, r.residence_borough, r.service_borough, r.service_id, r.recipient_org, r.metric, r.detail, Number(r.count)] as Cell)
      .sort(byKey);
  };
  const publishedEvents = async () =>
    (await exchangeDb().query(`SELECT count(*)::int AS n FROM exchange.outbox WHERE topic = 'referral.event' AND delivery_seq IS NOT NULL`))[0].n as number;

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    projector = hub.hub.apps.insights.get(GapProjector);
    // The test folds by hand, so it knows what each call did; the last test runs the loop again.
    await projector.stop();
    await fx.activeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['CONTACT', 'NEEDS'], pst: ['OUTCOMES'] } });
    await fx.activeAgreement({ parties: ['pst', 'community-connect'], receives: { 'community-connect': ['CONTACT', 'NEEDS'], pst: ['OUTCOMES'] } });
    greenwichResident = await fx.createCase('pst');
    await fx.recordConsent('pst', greenwichResident, { recipients: ['live-well', 'community-connect'], categories: ['CONTACT', 'NEEDS'] });
    const { boroughOfResidence: _borough, ...circumstances } = MRS_X.circumstances;
    unknownResident = await fx.createCase('pst', {
      ...MRS_X,
      identity: { givenName: 'Bola', familyName: 'Sample', dateOfBirth: '1990-06-01' },
      circumstances,
      needs: { categories: ['MENTAL_HEALTH'], detail: 'Low mood since losing her job.' },
    });
    await fx.recordConsent('pst', unknownResident, { recipients: ['live-well'], categories: ['CONTACT', 'NEEDS'] });
    const [service] = await hub.hub.apps.directory.get(DataSource).query(
      `SELECT id::text FROM directory.services WHERE organisation_id = 'live-well' ORDER BY name LIMIT 1`,
    );
    liveWellService = service.id;

    // R1 and R4: the Greenwich resident to Live Well's service in March, both declined for capacity.
    at('2026-03-10T10:00:00Z');
    const r1 = await send(greenwichResident, 'live-well', ['LONELINESS', 'DEBT'], { serviceId: liveWellService });
    at('2026-03-11T10:00:00Z');
    await move('live-well', r1, { to: 'DECLINED', reason: 'NO_CAPACITY' });
    at('2026-03-20T10:00:00Z');
    const r4 = await send(greenwichResident, 'live-well', ['LONELINESS'], { serviceId: liveWellService });
    at('2026-03-21T10:00:00Z');
    await move('live-well', r4, { to: 'DECLINED', reason: 'NO_CAPACITY' });

    // R2: a resident of no known borough, sent on the last day of March, accepted half an hour after
    // midnight in London (23:30 UTC, British Summer Time): April. Contacted 4 days 23 hours after sending.
    at('2026-03-31T09:00:00Z');
    const r2 = await send(unknownResident, 'live-well', ['MENTAL_HEALTH']);
    at('2026-03-31T23:30:00Z');
    await move('live-well', r2, { to: 'ACCEPTED' });
    at('2026-04-05T08:00:00Z');
    await move('live-well', r2, { to: 'CONTACTED' });
    at('2026-04-06T09:00:00Z');
    await move('live-well', r2, { to: 'APPOINTMENT_BOOKED', appointmentAt: '2026-04-10T09:00:00Z', appointmentPlace: 'Lakeside Health Centre' });
    at('2026-04-10T10:00:00Z');
    await move('live-well', r2, { to: 'DID_NOT_ATTEND' });
    // Recontacted after the missed appointment: not a first contact, so no second FIRST_CONTACT row.
    at('2026-04-11T08:00:00Z');
    await move('live-well', r2, { to: 'CONTACTED' });
    at('2026-04-11T09:00:00Z');
    await move('live-well', r2, { to: 'APPOINTMENT_BOOKED', appointmentAt: '2026-04-20T09:00:00Z', appointmentByPhone: true });
    at('2026-04-20T10:00:00Z');
    await move('live-well', r2, { to: 'ATTENDED' });
    at('2026-04-28T10:00:00Z');
    await move('live-well', r2, {
      to: 'COMPLETED',
      outcome: {
        summary: 'PARTLY_MET',
        measures: [
          // PHQ9 18 → 9: lower is better, IMPROVED.
          { instrument: 'PHQ9', timepoint: 'BASELINE', score: 18, recordedOn: '2026-04-05' },
          { instrument: 'PHQ9', timepoint: 'END', score: 9, recordedOn: '2026-04-28' },
          // GAD7 10 → 12: WORSENED.
          { instrument: 'GAD7', timepoint: 'BASELINE', score: 10 },
          { instrument: 'GAD7', timepoint: 'END', score: 12 },
          // SWEMWBS baseline only: skipped.
          { instrument: 'SWEMWBS', timepoint: 'BASELINE', score: 20 },
          // ONS4: life satisfaction +2, anxiety 5 → 8 (lower is better: −3): −1 in all, WORSENED.
          { instrument: 'ONS4', item: 'LIFE_SATISFACTION', timepoint: 'BASELINE', score: 4 },
          { instrument: 'ONS4', item: 'LIFE_SATISFACTION', timepoint: 'END', score: 6 },
          { instrument: 'ONS4', item: 'ANXIETY', timepoint: 'BASELINE', score: 5 },
          { instrument: 'ONS4', item: 'ANXIETY', timepoint: 'END', score: 8 },
          // Wellbeing Star: money +2, home −2, and a follow-up-only area that does not count: UNCHANGED.
          { instrument: 'WELLBEING_STAR', item: 'MONEY', timepoint: 'BASELINE', score: 3 },
          { instrument: 'WELLBEING_STAR', item: 'MONEY', timepoint: 'END', score: 5 },
          { instrument: 'WELLBEING_STAR', item: 'HOME', timepoint: 'BASELINE', score: 6 },
          { instrument: 'WELLBEING_STAR', item: 'HOME', timepoint: 'END', score: 4 },
          { instrument: 'WELLBEING_STAR', item: 'WORK', timepoint: 'FOLLOW_UP', score: 9 },
        ],
      },
    });

    // R3: the Greenwich resident to Community Connect (a Bexley organisation), sent at 23:30 on 31 January
    // (GMT: still January), contacted 13 days 23.5 hours later (floor: 13), closed unmet.
    at('2026-01-31T23:30:00Z');
    const r3 = await send(greenwichResident, 'community-connect', ['LONELINESS']);
    at('2026-02-02T10:00:00Z');
    await move('community-connect', r3, { to: 'ACCEPTED' });
    at('2026-02-14T23:00:00Z');
    await move('community-connect', r3, { to: 'CONTACTED' });
    at('2026-02-20T10:00:00Z');
    await move('community-connect', r3, { to: 'CLOSED_UNMET', reason: 'RESIDENT_DECLINED' });

    // R5: acknowledged, then cancelled by PST: only its sending counts.
    at('2026-02-10T12:00:00Z');
    const r5 = await send(greenwichResident, 'live-well', ['PHYSICAL_ACTIVITY']);
    at('2026-02-11T12:00:00Z');
    await move('live-well', r5, { to: 'ACKNOWLEDGED' });
    await move('pst', r5, { to: 'CANCELLED', note: 'Resident moved away.' });
    hub.clock.release();

    const G = 'GREENWICH';
    const S = liveWellService;
    expected = [
      ['2026-01-01', '*', G, 'BEXLEY', 'NONE', 'community-connect', 'SENT', '', 1],
      ['2026-01-01', 'LONELINESS', G, 'BEXLEY', 'NONE', 'community-connect', 'SENT', '', 1],
      ...(['*', 'LONELINESS'] as const).flatMap((need): Cell[] => [
        ['2026-02-01', need, G, 'BEXLEY', 'NONE', 'community-connect', 'ACCEPTED', '', 1],
        ['2026-02-01', need, G, 'BEXLEY', 'NONE', 'community-connect', 'FIRST_CONTACT', '13', 1],
        ['2026-02-01', need, G, 'BEXLEY', 'NONE', 'community-connect', 'CLOSED_UNMET', 'RESIDENT_DECLINED', 1],
      ]),
      ['2026-02-01', '*', G, G, 'NONE', 'live-well', 'SENT', '', 1],
      ['2026-02-01', 'PHYSICAL_ACTIVITY', G, G, 'NONE', 'live-well', 'SENT', '', 1],
      ['2026-03-01', '*', G, G, S, 'live-well', 'SENT', '', 2],
      ['2026-03-01', '*', G, G, S, 'live-well', 'DECLINED', 'NO_CAPACITY', 2],
      ['2026-03-01', 'LONELINESS', G, G, S, 'live-well', 'SENT', '', 2],
      ['2026-03-01', 'LONELINESS', G, G, S, 'live-well', 'DECLINED', 'NO_CAPACITY', 2],
      ['2026-03-01', 'DEBT', G, G, S, 'live-well', 'SENT', '', 1],
      ['2026-03-01', 'DEBT', G, G, S, 'live-well', 'DECLINED', 'NO_CAPACITY', 1],
      ['2026-03-01', '*', 'UNKNOWN', G, 'NONE', 'live-well', 'SENT', '', 1],
      ['2026-03-01', 'MENTAL_HEALTH', 'UNKNOWN', G, 'NONE', 'live-well', 'SENT', '', 1],
      ...(['*', 'MENTAL_HEALTH'] as const).flatMap((need): Cell[] =>
        (
          [
            ['ACCEPTED', ''],
            ['FIRST_CONTACT', '4'],
            ['DID_NOT_ATTEND', ''],
            ['ATTENDED', ''],
            ['COMPLETED', ''],
            ['OUTCOME', 'PHQ9:IMPROVED'],
            ['OUTCOME', 'GAD7:WORSENED'],
            ['OUTCOME', 'ONS4:WORSENED'],
            ['OUTCOME', 'WELLBEING_STAR:UNCHANGED'],
          ] as const
        ).map(([metric, detail]): Cell => ['2026-04-01', need, 'UNKNOWN', G, 'NONE', 'live-well', metric, detail, 1]),
      ),
    ];
    expected.sort(byKey);
    await publishAll();
  });
  afterAll(() => hub?.close());

  it('folds every published event into the predicted cells: London months, a * row per referral, reasons, days, outcomes', async () => {
    const events = await publishedEvents();
    expect(events).toBe(20);
    expect(await projector.catchUp()).toBe(20);
    expect(await cells()).toEqual(expected);
    const [checkpoint] = await insightsDb().query(`SELECT last_seq::text AS last FROM insights.projection WHERE stream = 'referral_events'`);
    const [{ max }] = await exchangeDb().query('SELECT max(delivery_seq)::text AS max FROM exchange.outbox');
    expect(checkpoint.last).toBe(max);
  });

  it('folds each event exactly once: catching up again adds nothing', async () => {
    expect(await projector.catchUp()).toBe(0);
    expect(await projector.catchUp(1)).toBe(0);
    expect(await cells()).toEqual(expected);
  });

  it('concurrent catch-ups, in small batches, fold each event once between them', async () => {
    // Start the projection again from nothing (as the migrating owner, not as hub_insights).
    await insightsDb().transaction(async (m) => {
      await m.query('DELETE FROM insights.gap_cells');
      await m.query(`UPDATE insights.projection SET last_seq = 0`);
    });
    const folded = await Promise.all([projector.catchUp(2), projector.catchUp(3), projector.catchUp(2), projector.catchUp()]);
    expect(folded.reduce((a, b) => a + b, 0)).toBe(20);
    expect(await cells()).toEqual(expected);
  });

  it('the background loop folds new events by itself, once', async () => {
    projector.start();
    at('2026-05-05T10:00:00Z');
    await send(unknownResident, 'live-well', ['MENTAL_HEALTH']);
    hub.clock.release();
    await publishAll();
    const may = async () =>
      (await cells()).filter(([month]) => month === '2026-05-01');
    for (let waited = 0; (await may()).length === 0 && waited < 15_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await may()).toEqual([
      ['2026-05-01', '*', 'UNKNOWN', 'GREENWICH', 'NONE', 'live-well', 'SENT', '', 1],
      ['2026-05-01', 'MENTAL_HEALTH', 'UNKNOWN', 'GREENWICH', 'NONE', 'live-well', 'SENT', '', 1],
    ]);
    expect(await projector.catchUp()).toBe(0);
    expect((await cells()).filter(([month]) => month !== '2026-05-01')).toEqual(expected);
  });
});

function byKey(a: Cell, b: Cell): number {
  const x = a.slice(0, 8).join('|');
  const y = b.slice(0, 8).join('|');
  return x < y ? -1 : x > y ? 1 : 0;
}
