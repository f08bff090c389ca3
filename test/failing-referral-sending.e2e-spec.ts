import { ExchangeFixtures, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

const SEND = 'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }';

describe('sending a referral that the agreements or the consent do not allow', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  let outboundCount: () => Promise<number>;

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    await fx.activeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['CONTACT', 'NEEDS'] } });
    await fx.proposeAgreement({ parties: ['pst', 'metro-gad'], receives: { 'metro-gad': ['NEEDS'] } }); // a draft only
    await fx.activeAgreement({ parties: ['pst', 'lrmn'], receives: { lrmn: ['NEEDS'] }, purposes: ['REFERRER_FEEDBACK'] });
    outboundCount = async () => (await fx.exchangeDatabase().query('SELECT count(*)::int AS n FROM exchange.referrals'))[0].n;
  });
  afterAll(() => hub.close());

  async function expectRefused(org: string, caseId: string, recipient: string, code: string, needs = ['LONELINESS']) {
    const before = await outboundCount();
    const response = await fx.sendReferral(org, caseId, recipient, needs);
    expect(response.data?.sendReferral ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(await outboundCount()).toBe(before);
  }

  it('is refused with NO_ACTIVE_AGREEMENT when the two have no agreement', async () => {
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { partnership: true, categories: ['NEEDS'] });
    await expectRefused('pst', caseId, 'community-connect', 'NO_ACTIVE_AGREEMENT');
  });

  it('is refused with NO_ACTIVE_AGREEMENT when the agreement is still a draft', async () => {
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['metro-gad'], categories: ['NEEDS'] });
    await expectRefused('pst', caseId, 'metro-gad', 'NO_ACTIVE_AGREEMENT');
  });

  it('is refused with AGREEMENT_EXCLUDES_PURPOSE when the agreement does not cover direct support', async () => {
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['lrmn'], categories: ['NEEDS'] });
    await expectRefused('pst', caseId, 'lrmn', 'AGREEMENT_EXCLUDES_PURPOSE');
  });

  it('is refused with NO_CONSENT when the resident has not consented', async () => {
    await expectRefused('pst', await fx.createCase('pst'), 'live-well', 'NO_CONSENT');
  });

  it('is refused with CONSENT_EXCLUDES_RECIPIENT when the consent names someone else', async () => {
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['citizens-advice-bexley'], categories: ['CONTACT', 'NEEDS'] });
    await expectRefused('pst', caseId, 'live-well', 'CONSENT_EXCLUDES_RECIPIENT');
  });

  it('is refused with CONSENT_EXCLUDES_PURPOSE when the consent is for feedback calls only', async () => {
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well'], purposes: ['FOLLOW_UP'], categories: ['NEEDS'] });
    await expectRefused('pst', caseId, 'live-well', 'CONSENT_EXCLUDES_PURPOSE');
  });

  it('is refused with CONSENT_WITHDRAWN once the resident has withdrawn', async () => {
    const caseId = await fx.createCase('pst');
    const consentId = await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['NEEDS'] });
    await fx.ok('pst', Role.LINK_WORKER, 'mutation($id: ID!) { withdrawConsent(id: $id) { id } }', { id: consentId });
    await expectRefused('pst', caseId, 'live-well', 'CONSENT_WITHDRAWN');
  });

  it('is refused with CASE_NOT_VISIBLE when the sender does not own the case', async () => {
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['NEEDS'] });
    await expectRefused('community-connect', caseId, 'live-well', 'CASE_NOT_VISIBLE');
  });

  it('is refused with FORBIDDEN for the owner\'s IG lead, who does not do casework', async () => {
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['NEEDS'] });
    const response = await fx.call<{ sendReferral: null }>('pst', Role.IG_LEAD, SEND, {
      input: { caseId, recipientId: 'live-well', needs: ['LONELINESS'], idempotencyKey: 'ig-lead-try-1' },
    });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('is refused with BAD_USER_INPUT when it is about needs the case does not have', async () => {
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['NEEDS'] });
    await expectRefused('pst', caseId, 'live-well', 'BAD_USER_INPUT', ['IMMIGRATION']);
  });
});

describe('sending a referral twice', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  let caseId: string;

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    await fx.activeAgreement({ parties: ['pst', 'live-well', 'community-connect'], receives: { 'live-well': ['NEEDS'], 'community-connect': ['NEEDS'] } });
    caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { partnership: true, categories: ['NEEDS'] });
  });
  afterAll(() => hub.close());

  it('returns the same referral for a replay of the same idempotency key, never a second one', async () => {
    const first = await fx.sendReferral('pst', caseId, 'live-well', ['LONELINESS'], 'replay-key-0001');
    const again = await fx.sendReferral('pst', caseId, 'live-well', ['LONELINESS'], 'replay-key-0001');
    expect(again.data?.sendReferral.id).toBe(first.data?.sendReferral.id);
  });

  it('creates one referral when replays race each other', async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, () => fx.sendReferral('pst', caseId, 'live-well', ['DEBT'], 'race-key-00001')));
    const ids = new Set(replies.map((r) => r.data?.sendReferral.id));
    expect(replies.every((r) => r.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    const [{ n }] = await fx.exchangeDatabase().query("SELECT count(*)::int AS n FROM exchange.referrals WHERE idempotency_key = 'race-key-00001'");
    expect(n).toBe(1);
  });

  it('refuses the same key for a different referral with IDEMPOTENCY_KEY_REUSED', async () => {
    // A need not yet sent to Live Well, so the first send is no repeat referral.
    const first = await fx.sendReferral('pst', caseId, 'live-well', ['PHYSICAL_ACTIVITY'], 'reused-key-0001');
    expect(first.errors).toBeUndefined();
    const reused = await fx.sendReferral('pst', caseId, 'community-connect', ['PHYSICAL_ACTIVITY'], 'reused-key-0001');
    expect(reused.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('lets a partnership consent cover every party to an active agreement with the owner', async () => {
    const response = await fx.sendReferral('pst', caseId, 'community-connect', ['LONELINESS']);
    expect(response.errors).toBeUndefined();
  });
});
