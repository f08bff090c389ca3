import { ExchangeFixtures, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

type Field = { message: string; path?: string[]; extensions?: Record<string, unknown> };
const withheld = (errors: Field[] | undefined) =>
  Object.fromEntries((errors ?? []).filter((e) => e.extensions?.code === 'FIELD_WITHHELD').map((e) => [e.extensions?.field, e.extensions?.reason]));

describe('Mrs X passes from PST to Live Well with her consent', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  let caseId: string;
  let consentId: string;
  let agreementId: string;

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    // PST and Live Well agree that Live Well may receive contact and needs for direct support.
    agreementId = await fx.activeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['CONTACT', 'NEEDS'], pst: ['OUTCOMES'] } });
    caseId = await fx.createCase('pst');
    consentId = await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['CONTACT', 'NEEDS'] });
    const sent = await fx.sendReferral('pst', caseId, 'live-well', ['LONELINESS', 'PHYSICAL_ACTIVITY']);
    expect(sent.errors).toBeUndefined();
  });
  afterAll(() => hub.close());

  it('Live Well sees her contact details and needs, and not her health, identity, circumstances or notes', async () => {
    const response = await fx.readCase<Record<string, unknown>>('live-well', Role.LINK_WORKER, caseId);
    expect(response.data?.case).toMatchObject({
      id: caseId,
      phone: '+447700900123',
      postcode: 'SE2 9XX',
      email: 'margaret@example.org',
      needs: ['LONELINESS', 'DEBT', 'PHYSICAL_ACTIVITY'],
      contactPreferences: { canWriteToAddress: true, canLeaveMessage: false, canContactForFeedback: true, preferredChannel: 'PHONE' },
      healthSummary: null,
      givenName: null,
      nhsNumber: null,
      landlord: null,
      notes: null,
    });
    const reasons = withheld(response.errors);
    expect(reasons).toMatchObject({
      healthSummary: 'AGREEMENT_EXCLUDES_CATEGORY',
      givenName: 'AGREEMENT_EXCLUDES_CATEGORY',
      notes: 'AGREEMENT_EXCLUDES_CATEGORY',
    });
    expect(reasons.phone).toBeUndefined();
    // Nothing withheld leaks through the error messages either.
    expect(JSON.stringify(response.errors)).not.toMatch(/diabetes|Margaret|Peabody|mornings|9434765919/);
  });

  it('Live Well finds the referral in its inbound list, with the needs it is about', async () => {
    const data = await fx.ok<{ referrals: { edges: { node: { sender: { id: string }; needs: string[]; status: string } }[] } }>(
      'live-well',
      Role.LINK_WORKER,
      '{ referrals(direction: INBOUND) { edges { node { sender { id } needs status } } } }',
    );
    expect(data.referrals.edges.map((e) => e.node)).toEqual([{ sender: { id: 'pst' }, needs: ['LONELINESS', 'PHYSICAL_ACTIVITY'], status: 'SENT' }]);
  });

  it('PST, the sender, keeps seeing the status: the agreement covers REFERRER_FEEDBACK', async () => {
    const data = await fx.ok<{ referrals: { edges: { node: { recipient: { id: string }; status: string } }[] } }>(
      'pst',
      Role.LINK_WORKER,
      '{ referrals(direction: OUTBOUND) { edges { node { recipient { id } status } } } }',
    );
    expect(data.referrals.edges.map((e) => e.node)).toEqual([{ recipient: { id: 'live-well' }, status: 'SENT' }]);
  });

  it('explainAccess says what allowed the phone number and what refused the health summary', async () => {
    const query = 'query($c: ID!, $f: String!) { explainAccess(caseId: $c, field: $f) { allowed rule category agreementId consentId } }';
    const phone = await fx.ok<{ explainAccess: unknown }>('live-well', Role.LINK_WORKER, query, { c: caseId, f: 'phone' });
    expect(phone.explainAccess).toEqual({ allowed: true, rule: 'REFERRAL_RECIPIENT', category: 'CONTACT', agreementId, consentId });
    const health = await fx.ok<{ explainAccess: unknown }>('live-well', Role.LINK_WORKER, query, { c: caseId, f: 'healthSummary' });
    expect(health.explainAccess).toEqual({ allowed: false, rule: 'AGREEMENT_EXCLUDES_CATEGORY', category: 'HEALTH', agreementId, consentId: null });
  });

  it('Community Connect, with no agreement and no referral, sees nothing', async () => {
    const response = await fx.readCase('community-connect', Role.LINK_WORKER, caseId);
    expect(response.data?.case).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'CASE_NOT_VISIBLE' }) })]);
    expect(JSON.stringify(response)).not.toMatch(/Margaret|07700|diabetes/);
  });

  it('a PST volunteer never sees health, even on PST\'s own case', async () => {
    const response = await fx.readCase<Record<string, unknown>>('pst', Role.VOLUNTEER, caseId);
    expect(response.data?.case).toMatchObject({ givenName: 'Margaret', healthSummary: null });
    expect(withheld(response.errors)).toEqual({ healthSummary: 'ROLE_EXCLUDES_CATEGORY' });
  });

  it('a commissioner token reads no case, even in its own borough', async () => {
    const response = await fx.readCase('greenwich-council', Role.COMMISSIONER, caseId);
    expect(response.data?.case).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CASE_NOT_VISIBLE', reason: 'COMMISSIONER_READS_NO_CASE' });
  });

  it('the audit trail shows PST who saw what, under which agreement and consent', async () => {
    const data = await fx.ok<{ auditTrail: { action: string; actorOrganisationId: string; fields: string[]; withheld: string[]; agreementId: string | null; consentId: string | null }[] }>(
      'pst',
      Role.IG_LEAD,
      'query($c: ID!) { auditTrail(caseId: $c) { action actorOrganisationId fields withheld agreementId consentId } }',
      { c: caseId },
    );
    const liveWellRead = data.auditTrail.find((e) => e.action === 'DISCLOSURE' && e.actorOrganisationId === 'live-well' && e.fields.includes('phone'));
    expect(liveWellRead).toMatchObject({ agreementId, consentId });
    expect(liveWellRead?.withheld).toEqual(expect.arrayContaining(['healthSummary', 'givenName']));
    expect(data.auditTrail.map((e) => e.action)).toEqual(expect.arrayContaining(['CASE_CREATED', 'CONSENT_RECORDED', 'REFERRAL_SENT', 'DISCLOSURE']));
  });

  it('after Mrs X withdraws consent, Live Well sees nothing on the very next request, and is told why', async () => {
    await fx.ok('pst', Role.LINK_WORKER, 'mutation($id: ID!) { withdrawConsent(id: $id, reason: "Resident asked by phone") { status } }', {
      id: consentId,
    });
    // The withdrawal revoked the live referral in the same transaction: Live Well gets no case, and the reason.
    const response = await fx.readCase<Record<string, unknown>>('live-well', Role.LINK_WORKER, caseId);
    expect(response.data?.case).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CASE_NOT_VISIBLE', reason: 'CONSENT_WITHDRAWN' });
    expect(JSON.stringify(response)).not.toMatch(/diabetes|Margaret|07700|margaret@/);
    const referral = await fx.ok<{ referrals: { edges: { node: { status: string } }[] } }>(
      'live-well',
      Role.LINK_WORKER,
      '{ referrals(direction: INBOUND) { edges { node { status } } } }',
    );
    expect(referral.referrals.edges.map((e) => e.node.status)).toEqual(['REVOKED']);
  });
});
