import { ExchangeFixtures, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

const TRAIL = 'query($c: ID!) { auditTrail(caseId: $c) { action } }';
const EXPLAIN = 'query($c: ID!, $f: String!) { explainAccess(caseId: $c, field: $f) { allowed rule agreementId consentId } }';

describe('reads the policy refuses', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  let caseId: string;

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    // Direct support only: the agreement does not give PST feedback on what happened.
    await fx.activeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['NEEDS', 'CONTACT'] }, purposes: ['DIRECT_SUPPORT'] });
    caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['NEEDS', 'CONTACT'] });
    expect((await fx.sendReferral('pst', caseId, 'live-well')).errors).toBeUndefined();
  });
  afterAll(() => hub.close());

  it('withholds the status from the sender when the agreement does not cover REFERRER_FEEDBACK', async () => {
    const response = await fx.call<{ referrals: { edges: { node: { status: string | null } }[] } }>(
      'pst',
      Role.LINK_WORKER,
      '{ referrals(direction: OUTBOUND) { edges { node { status } } } }',
    );
    expect(response.data?.referrals.edges[0].node.status).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'FIELD_WITHHELD', field: 'status', reason: 'AGREEMENT_EXCLUDES_PURPOSE' });
  });

  it('lets an integrator read only the categories its token\'s scopes name', async () => {
    const response = await fx.readCase<Record<string, unknown>>('live-well', Role.INTEGRATOR, caseId, ['case:needs']);
    expect(response.data?.case).toMatchObject({ needs: ['LONELINESS', 'DEBT', 'PHYSICAL_ACTIVITY'], phone: null });
    const phone = response.errors?.find((e) => e.extensions?.field === 'phone');
    expect(phone?.extensions).toMatchObject({ code: 'FIELD_WITHHELD', reason: 'SCOPE_MISSING' });
  });

  it.each([
    ['the recipient organisation', 'live-well', Role.SERVICE_ADMIN, 'CASE_NOT_VISIBLE'],
    ['an organisation with nothing to do with it', 'bexley-council', Role.IG_LEAD, 'CASE_NOT_VISIBLE'],
    ['a volunteer of the owner', 'pst', Role.VOLUNTEER, 'FORBIDDEN'],
    ['the owner\'s machine client', 'pst', Role.INTEGRATOR, 'FORBIDDEN'],
  ])('refuses the audit trail to %s', async (_name, org, role, code) => {
    const response = await fx.call(org, role, TRAIL, { c: caseId });
    expect(response.errors?.[0].extensions?.code).toBe(code);
  });

  it('explains a refusal to an organisation with no referral without saying whether the case exists', async () => {
    const real = await fx.ok<{ explainAccess: unknown }>('community-connect', Role.LINK_WORKER, EXPLAIN, { c: caseId, f: 'phone' });
    const made_up = await fx.ok<{ explainAccess: unknown }>('community-connect', Role.LINK_WORKER, EXPLAIN, {
      c: '00000000-0000-4000-8000-000000000000',
      f: 'phone',
    });
    expect(real.explainAccess).toEqual({ allowed: false, rule: 'NO_LIVE_REFERRAL', agreementId: null, consentId: null });
    expect(made_up.explainAccess).toEqual(real.explainAccess);
  });

  it('refuses explainAccess for a field cases do not have, with BAD_USER_INPUT', async () => {
    const response = await fx.call('live-well', Role.LINK_WORKER, EXPLAIN, { c: caseId, f: 'passwordHash' });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'field' });
  });

  it('refuses a case id that is not a UUID with BAD_USER_INPUT before any query runs', async () => {
    const response = await fx.call('pst', Role.LINK_WORKER, 'query { case(id: "1 OR 1=1") { id } }');
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses to record consent on another organisation\'s case', async () => {
    const response = await fx.call('live-well', Role.LINK_WORKER, 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: {
        caseId, givenBy: 'Someone', method: 'ONLINE', givenAt: new Date().toISOString(), recipients: ['lrmn'], partnership: false,
        purposes: ['DIRECT_SUPPORT'], categories: ['HEALTH'],
        contactPreferences: { canWriteToAddress: true, canLeaveMessage: true, canContactForFeedback: true },
      },
    });
    expect(response.errors?.[0].extensions?.code).toBe('CASE_NOT_VISIBLE');
  });
});
