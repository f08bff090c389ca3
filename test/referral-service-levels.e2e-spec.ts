import { ExchangeFixtures, MRS_X, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

const TRANSITION = 'mutation($input: TransitionReferralInput!) { transitionReferral(input: $input) { status } }';
const LEVEL = 'query($id: ID!) { referral(id: $id) { status serviceLevel { acknowledgeBy contactBy overdue } } }';
const OVERDUE = (direction: string) => `{ referrals(direction: ${direction}, overdue: true) { edges { node { id } } } }`;

/** Service levels, repeat referrals and revocation: the closed loop's clocks and memory. */
describe('service levels, repeat referrals and revocation', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;

  const move = async (id: string, input: Record<string, unknown>, org = 'live-well') => {
    const moved = await fx.call(org, Role.LINK_WORKER, TRANSITION, { input: { id, ...input } });
    if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  };
  const send = (caseId: string, needs: string[], extra: Record<string, unknown> = {}) =>
    fx.call<{ sendReferral: { id: string } }>('pst', Role.LINK_WORKER, 'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }', {
      input: { caseId, recipientId: 'live-well', needs, idempotencyKey: `key-${Math.random().toString(36).slice(2)}`, ...extra },
    });
  const sentId = async (caseId: string, needs: string[], extra: Record<string, unknown> = {}) => {
    const sent = await send(caseId, needs, extra);
    if (sent.errors) throw new Error(JSON.stringify(sent.errors));
    return sent.data!.sendReferral.id;
  };
  const overdueIds = async (org: string, direction: string) =>
    (await fx.ok<{ referrals: { edges: { node: { id: string } }[] } }>(org, Role.LINK_WORKER, OVERDUE(direction))).referrals.edges.map((e) => e.node.id);
  const level = async (org: string, id: string) =>
    (await fx.ok<{ referral: { serviceLevel: { acknowledgeBy: string; contactBy: string | null; overdue: string[] } } }>(org, Role.LINK_WORKER, LEVEL, { id }))
      .referral.serviceLevel;
  const newCase = async (identity: Record<string, unknown>) => {
    const id = await fx.createCase('pst', { ...MRS_X, identity });
    await fx.recordConsent('pst', id, { recipients: ['live-well'], categories: ['CONTACT', 'NEEDS'] });
    return id;
  };

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    await fx.activeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['CONTACT', 'NEEDS'], pst: ['OUTCOMES'] } });
  });
  afterAll(() => hub.close());

  it('flags a referral not acknowledged within 3 working days, counting past Easter, to both sides', async () => {
    const caseId = await newCase({ givenName: 'Edith', familyName: 'Easter', dateOfBirth: '1960-04-01' });
    // Maundy Thursday 2025: Good Friday and Easter Monday do not count.
    hub.clock.set('2025-04-17T14:00:00Z');
    const id = await sentId(caseId, ['LONELINESS']);
    expect(await level('live-well', id)).toMatchObject({ acknowledgeBy: '2025-04-24T23:00:00.000Z', overdue: [] });

    hub.clock.set('2025-04-24T22:59:59Z'); // the last second of Thursday 24 April in London
    expect(await overdueIds('live-well', 'INBOUND')).not.toContain(id);
    hub.clock.set('2025-04-24T23:00:00Z');
    expect(await level('live-well', id)).toMatchObject({ overdue: ['NOT_ACKNOWLEDGED'] });
    expect(await overdueIds('live-well', 'INBOUND')).toContain(id);
    expect(await overdueIds('pst', 'OUTBOUND')).toContain(id);
    expect(await level('pst', id)).toMatchObject({ overdue: ['NOT_ACKNOWLEDGED'] });

    // Accepted on Friday: first contact is wanted within 14 days.
    hub.clock.set('2025-04-25T09:00:00Z');
    await move(id, { to: 'ACCEPTED' });
    expect(await overdueIds('live-well', 'INBOUND')).not.toContain(id);
    hub.clock.set('2025-05-09T09:00:00Z');
    expect(await level('live-well', id)).toMatchObject({ contactBy: '2025-05-09T09:00:00.000Z', overdue: ['NO_CONTACT'] });
    expect(await overdueIds('live-well', 'INBOUND')).toContain(id);
    await move(id, { to: 'CONTACTED' });
    expect(await level('live-well', id)).toMatchObject({ overdue: [] });
    expect(await overdueIds('pst', 'OUTBOUND')).not.toContain(id);
    hub.clock.release();
  });

  it('takes a filter sent as null for no filter at all', async () => {
    const ids = async (args: string) =>
      (await fx.ok<{ referrals: { edges: { node: { id: string } }[] } }>('live-well', Role.LINK_WORKER, `{ referrals(${args}) { edges { node { id } } } }`))
        .referrals.edges.map((e) => e.node.id);
    const all = await ids('direction: INBOUND');
    expect(all.length).toBeGreaterThan(0);
    expect(await ids('direction: INBOUND, overdue: null, status: null, after: null')).toEqual(all);
  });

  it('warns the sender before sending a repeat referral of the same person, by NHS number or by name, birth date and postcode', async () => {
    const first = await newCase({ givenName: 'Rita', familyName: 'Repeat', dateOfBirth: '1970-02-02', nhsNumber: '401 023 2137' });
    const firstId = await sentId(first, ['DEBT', 'LONELINESS']);
    // The same person recorded again at PST, with her NHS number: the recipient already has her for DEBT.
    const again = await newCase({ givenName: 'Rita', familyName: 'Repeat', dateOfBirth: '1970-02-02', nhsNumber: '401 023 2137' });
    const refused = await send(again, ['DEBT']);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'POSSIBLE_DUPLICATE_REFERRAL', matches: 1, needs: ['DEBT'] });
    // Without an NHS number, the same name, date of birth and postcode are the same person too.
    const noNhs = await newCase({ givenName: 'RITA', familyName: 'repeat', dateOfBirth: '1970-02-02' });
    expect((await send(noNhs, ['LONELINESS'])).errors?.[0].extensions?.code).toBe('POSSIBLE_DUPLICATE_REFERRAL');
    // A need the recipient does not hold for her is no repeat; and nothing was written by the refusals.
    expect((await send(noNhs, ['PHYSICAL_ACTIVITY'])).errors).toBeUndefined();
    const [count] = await fx.exchangeDatabase().query('SELECT count(*)::int AS n FROM exchange.referrals WHERE case_id IN ($1, $2)', [again, noNhs]);
    expect(count.n).toBe(1);
    // The sender confirms it is needed: it goes.
    const confirmed = await send(again, ['DEBT'], { confirmRepeat: true });
    expect(confirmed.errors).toBeUndefined();

    // The recipient sees the earlier referral and the attendance it recorded.
    await move(firstId, { to: 'ACCEPTED' });
    await move(firstId, { to: 'APPOINTMENT_BOOKED', appointmentAt: '2026-12-01T10:00:00Z', appointmentByPhone: true });
    await move(firstId, { to: 'DID_NOT_ATTEND' });
    await move(firstId, { to: 'APPOINTMENT_BOOKED', appointmentAt: '2026-12-08T10:00:00Z', appointmentByPhone: true });
    await move(firstId, { to: 'ATTENDED' });
    const earlier = await fx.ok<{ referral: { earlierReferrals: Record<string, unknown>[] } }>(
      'live-well',
      Role.LINK_WORKER,
      'query($id: ID!) { referral(id: $id) { earlierReferrals { id status needs attended didNotAttend } } }',
      { id: confirmed.data!.sendReferral.id },
    );
    expect(earlier.referral.earlierReferrals).toEqual(
      expect.arrayContaining([{ id: firstId, status: 'ATTENDED', needs: ['DEBT', 'LONELINESS'], attended: 1, didNotAttend: 1 }]),
    );
  });

  it('a withdrawn consent revokes the live referral at once: REVOKED on the timeline, and nothing moves after it', async () => {
    const caseId = await fx.createCase('pst', { ...MRS_X, identity: { givenName: 'Wanda', familyName: 'Withdrawn', dateOfBirth: '1980-05-05' } });
    const consentId = await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['CONTACT', 'NEEDS'] });
    const id = await sentId(caseId, ['LONELINESS']);
    await move(id, { to: 'ACCEPTED' });
    await fx.ok('pst', Role.LINK_WORKER, 'mutation($id: ID!) { withdrawConsent(id: $id, reason: "Resident asked by phone") { id } }', { id: consentId });

    const timeline = await fx.ok<{ referral: { status: string; timeline: { type: string; actor: { id: string } }[] } }>(
      'pst',
      Role.LINK_WORKER,
      'query($id: ID!) { referral(id: $id) { status timeline { type actor { id } } } }',
      { id },
    );
    expect(timeline.referral.status).toBe('REVOKED');
    expect(timeline.referral.timeline.map((e) => e.type)).toEqual(['SENT', 'ACCEPTED', 'REVOKED']);
    expect(timeline.referral.timeline[2].actor.id).toBe('pst');
    const after = await fx.call('live-well', Role.LINK_WORKER, TRANSITION, { input: { id, to: 'CONTACTED' } });
    expect(after.errors?.[0].extensions?.code).toBe('TRANSITION_NOT_ALLOWED');
    const [outbox] = await fx.exchangeDatabase().query(
      `SELECT count(*)::int AS n FROM exchange.outbox WHERE aggregate_id = $1 AND payload->>'type' = 'REVOKED'`,
      [id],
    );
    expect(outbox.n).toBe(1);
  });
});
