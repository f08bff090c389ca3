import { ExchangeFixtures, MRS_X, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

type Errors = { message: string; path?: string[]; extensions?: Record<string, unknown> }[] | undefined;
const TRANSITION = `mutation($input: TransitionReferralInput!) {
  transitionReferral(input: $input) { id status version closureReason serviceLevel { overdue paused } }
}`;
const FOLLOW = `query($id: ID!) { referral(id: $id) {
  status version closureReason appointment { at place byPhone }
  outcome { summary measures { instrument timepoint score } }
  serviceLevel { acknowledgeBy contactBy overdue paused }
  timeline { type fromStatus toStatus actor { id } reason note appointment { place } outcome { summary } }
} }`;

/** The walk a referral takes from PST to Live Well, each step through the gateway. */
describe('the referral lifecycle through the gateway', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  let caseId: string;

  const move = (org: string, input: Record<string, unknown>, role = Role.LINK_WORKER) =>
    fx.call<{ transitionReferral: Record<string, unknown> }>(org, role, TRANSITION, { input });
  const follow = (org: string, id: string) => fx.call<{ referral: Record<string, any> }>(org, Role.LINK_WORKER, FOLLOW, { id });
  const statusInDatabase = async (id: string) =>
    (await fx.exchangeDatabase().query('SELECT status, row_version FROM exchange.referrals WHERE id = $1', [id]))[0];
  const send = async (needs = ['LONELINESS'], org = 'pst', recipient = 'live-well', extra: Record<string, unknown> = {}) => {
    const sent = await fx.call<{ sendReferral: { id: string } }>(org, Role.LINK_WORKER, 'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }', {
      input: { caseId, recipientId: recipient, needs, idempotencyKey: `key-${Math.random().toString(36).slice(2)}`, ...extra },
    });
    if (sent.errors) throw new Error(JSON.stringify(sent.errors));
    return sent.data!.sendReferral.id;
  };

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    await fx.activeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['CONTACT', 'NEEDS'], pst: ['OUTCOMES'] } });
    caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['CONTACT', 'NEEDS'] });
  });
  afterAll(() => hub.close());

  it('walks SENT → ACKNOWLEDGED → ACCEPTED → CONTACTED → booked → DID_NOT_ATTEND → rebooked → ATTENDED → COMPLETED, and the sender follows it', async () => {
    const id = await send(['LONELINESS']);
    const steps: Record<string, unknown>[] = [
      { to: 'ACKNOWLEDGED' },
      { to: 'ACCEPTED' },
      { to: 'CONTACTED', note: 'Spoke to her; she would like a face-to-face first meeting.' },
      { to: 'APPOINTMENT_BOOKED', appointmentAt: '2026-12-01T10:00:00.000Z', appointmentPlace: 'Lakeside Health Centre' },
      { to: 'DID_NOT_ATTEND' },
      { to: 'APPOINTMENT_BOOKED', appointmentAt: '2026-12-03T10:00:00.000Z', appointmentByPhone: true },
      { to: 'ATTENDED' },
      {
        to: 'COMPLETED',
        outcome: {
          summary: 'NEEDS_MET',
          measures: [
            { instrument: 'SWEMWBS', timepoint: 'BASELINE', score: 17.4 },
            { instrument: 'SWEMWBS', timepoint: 'END', score: 23.2 },
          ],
        },
      },
    ];
    for (const [i, step] of steps.entries()) {
      const moved = await move('live-well', { id, ...step, expectedVersion: i + 1 });
      expect(moved.errors).toBeUndefined();
      expect(moved.data?.transitionReferral).toMatchObject({ status: step.to, version: i + 2 });
    }

    const recipient = await follow('live-well', id);
    expect(recipient.errors).toBeUndefined();
    expect(recipient.data?.referral.timeline.map((e: { type: string }) => e.type)).toEqual([
      'SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'CONTACTED', 'APPOINTMENT_BOOKED', 'DID_NOT_ATTEND', 'APPOINTMENT_BOOKED', 'ATTENDED', 'COMPLETED',
    ]);
    expect(recipient.data?.referral.outcome.measures).toHaveLength(2);
    expect(recipient.data?.referral.appointment).toMatchObject({ byPhone: true, place: null });

    // PST, the sender, sees status and outcome (REFERRER_FEEDBACK), not the recipient's notes, appointments or scores.
    const sender = await follow('pst', id);
    expect(sender.data?.referral).toMatchObject({ status: 'COMPLETED', outcome: { summary: 'NEEDS_MET', measures: null }, appointment: null });
    expect(sender.data?.referral.timeline).toHaveLength(9);
    expect(sender.data?.referral.timeline[3]).toMatchObject({ type: 'CONTACTED', note: null, actor: { id: 'live-well' } });
    const withheld = (sender.errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions?.code}`);
    expect(withheld).toEqual(
      expect.arrayContaining([
        'referral.appointment:FIELD_WITHHELD',
        'referral.outcome.measures:FIELD_WITHHELD',
        'referral.timeline.3.note:FIELD_WITHHELD',
        'referral.timeline.4.appointment:FIELD_WITHHELD',
      ]),
    );
    expect(JSON.stringify(sender)).not.toMatch(/face-to-face|Lakeside|"score":17\.4/);
  });

  it('declining needs a reason from the vocabulary, and OTHER needs a note; a refused move changes nothing', async () => {
    const id = await send(['DEBT']);
    const noReason = await move('live-well', { id, to: 'DECLINED' });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const other = await move('live-well', { id, to: 'DECLINED', reason: 'OTHER' });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const badEnum = await move('live-well', { id, to: 'DECLINED', reason: 'TOO_BUSY' });
    expect(badEnum.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(await statusInDatabase(id)).toEqual({ status: 'SENT', row_version: 1 });

    const declined = await move('live-well', { id, to: 'DECLINED', reason: 'NO_CAPACITY' });
    expect(declined.data?.transitionReferral).toMatchObject({ status: 'DECLINED', closureReason: 'NO_CAPACITY' });
    const after = await move('live-well', { id, to: 'ACCEPTED' });
    expect(after.errors?.[0].extensions).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', from: 'DECLINED', to: 'ACCEPTED', allowed: [] });
  });

  it('only the right side moves each step: the sender cannot accept, the recipient cannot cancel, nobody revokes by hand', async () => {
    const id = await send(['PHYSICAL_ACTIVITY']);
    expect((await move('pst', { id, to: 'ACCEPTED' })).errors?.[0].extensions?.code).toBe('TRANSITION_NOT_YOURS');
    expect((await move('live-well', { id, to: 'CANCELLED' })).errors?.[0].extensions?.code).toBe('TRANSITION_NOT_YOURS');
    expect((await move('live-well', { id, to: 'REVOKED' })).errors?.[0].extensions?.code).toBe('TRANSITION_NOT_ALLOWED');
    // A commissioner moves nothing; an organisation outside the referral does not even see it.
    expect((await move('live-well', { id, to: 'ACKNOWLEDGED' }, Role.COMMISSIONER)).errors?.[0].extensions?.code).toBe('TRANSITION_NOT_YOURS');
    expect((await move('community-connect', { id, to: 'ACKNOWLEDGED' })).errors?.[0].extensions?.code).toBe('REFERRAL_NOT_VISIBLE');
    expect(await statusInDatabase(id)).toEqual({ status: 'SENT', row_version: 1 });
    const cancelled = await move('pst', { id, to: 'CANCELLED', note: 'Resident moved away.' });
    expect(cancelled.data?.transitionReferral).toMatchObject({ status: 'CANCELLED' });
  });

  it('a request for information pauses the clocks; the sender answers and the referral goes back to where it was', async () => {
    const id = await send(['LONELINESS', 'DEBT'], 'pst', 'live-well', { confirmRepeat: true });
    await move('live-well', { id, to: 'ACKNOWLEDGED' });
    const asked = await move('live-well', { id, to: 'INFO_REQUESTED', note: 'Is she housebound?' });
    expect(asked.data?.transitionReferral).toMatchObject({ status: 'INFO_REQUESTED', serviceLevel: { paused: true } });
    expect((await move('live-well', { id, to: 'ACCEPTED' })).errors?.[0].extensions?.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await move('pst', { id, to: 'ACKNOWLEDGED' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const answered = await move('pst', { id, to: 'ACKNOWLEDGED', note: 'No, she walks to the shops daily.' });
    expect(answered.data?.transitionReferral).toMatchObject({ status: 'ACKNOWLEDGED', serviceLevel: { paused: false } });
    const timeline = (await follow('live-well', id)).data?.referral.timeline;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(['SENT', 'ACKNOWLEDGED', 'INFO_REQUESTED', 'INFO_PROVIDED']);
    // The sender's answer is case information: Live Well's agreement and consent do not cover NOTES.
    expect(timeline[3].note).toBeNull();
  });

  it('two concurrent moves of one referral cannot both win', async () => {
    const id = await send(['PHYSICAL_ACTIVITY'], 'pst', 'live-well', { confirmRepeat: true });
    const [accept, decline] = await Promise.all([
      move('live-well', { id, to: 'ACCEPTED', expectedVersion: 1 }),
      move('live-well', { id, to: 'DECLINED', reason: 'NO_CAPACITY', expectedVersion: 1 }),
    ]);
    const won = [accept, decline].filter((r) => !r.errors);
    const lost = [accept, decline].filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].errors?.[0].extensions?.code).toMatch(/VERSION_CONFLICT|TRANSITION_NOT_ALLOWED/);
    const stored = await statusInDatabase(id);
    expect(stored.row_version).toBe(2);
    expect(stored.status).toBe(won[0].data?.transitionReferral.status);
    const events = await fx.exchangeDatabase().query('SELECT count(*)::int AS n FROM exchange.referral_events WHERE referral_id = $1', [id]);
    expect(events[0].n).toBe(2);
  });

  it('a stale expectedVersion is refused with VERSION_CONFLICT and changes nothing', async () => {
    const id = await send(['DEBT'], 'pst', 'live-well', { confirmRepeat: true });
    await move('live-well', { id, to: 'ACKNOWLEDGED' });
    const stale = await move('live-well', { id, to: 'ACCEPTED', expectedVersion: 1 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await statusInDatabase(id)).toEqual({ status: 'ACKNOWLEDGED', row_version: 2 });
  });

  it('every move writes its event, outbox row and audit row together', async () => {
    const id = await send(['LONELINESS'], 'pst', 'live-well', { confirmRepeat: true });
    await move('live-well', { id, to: 'ACKNOWLEDGED' });
    const db = fx.exchangeDatabase();
    const [events] = await db.query('SELECT count(*)::int AS n FROM exchange.referral_events WHERE referral_id = $1', [id]);
    const [outbox] = await db.query('SELECT count(*)::int AS n FROM exchange.outbox WHERE aggregate_id = $1', [id]);
    const [audit] = await db.query(`SELECT count(*)::int AS n FROM exchange.audit_log WHERE subject_id = $1 AND action IN ('REFERRAL_SENT', 'REFERRAL_TRANSITIONED')`, [id]);
    expect([events.n, outbox.n, audit.n]).toEqual([2, 2, 2]);
    // The outbox carries no name, contact, date of birth or free text.
    const payloads = JSON.stringify(await db.query('SELECT payload FROM exchange.outbox WHERE aggregate_id = $1', [id]));
    expect(payloads).not.toMatch(new RegExp([MRS_X.identity.givenName, MRS_X.identity.dateOfBirth, '07700', 'Harrow'].join('|')));
    expect(payloads).toMatch(/"ageBand":"75\+"|"ageBand":"65-74"/);
  });
});
