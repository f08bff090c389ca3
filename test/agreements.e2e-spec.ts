import { ExchangeFixtures, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

const PROPOSE = 'mutation($input: ProposeAgreementInput!) { proposeAgreement(input: $input) { id } }';
const STATUS = '{ agreements { id status version lineageId statusReason awaitingSignatureFrom } }';

function proposal(overrides: Record<string, unknown> = {}) {
  return {
    title: 'PST and Community Connect',
    parties: ['pst', 'community-connect'],
    purposes: ['DIRECT_SUPPORT'],
    receives: [{ organisationId: 'community-connect', categories: ['CONTACT', 'NEEDS'] }],
    lawfulBasis: 'UK GDPR 6(1)(e)',
    startsOn: '2026-01-01',
    endsOn: '2028-12-31',
    reviewOn: '2027-06-30',
    ...overrides,
  };
}

describe('data-sharing agreements', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  type Listed = { id: string; status: string; version: number; lineageId: string; statusReason: string | null; awaitingSignatureFrom: string[] };
  const statusOf = async (org: string, id: string) =>
    (await fx.ok<{ agreements: Listed[] }>(org, Role.SERVICE_ADMIN, STATUS)).agreements.find((a) => a.id === id);

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
  });
  afterAll(() => hub.close());

  describe('successful', () => {
    it('is a DRAFT until every party has signed, then ACTIVE', async () => {
      const id = await fx.proposeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['NEEDS'] } });
      expect(await statusOf('pst', id)).toMatchObject({ status: 'DRAFT', awaitingSignatureFrom: ['pst', 'live-well'] });
      expect(await fx.sign('pst', id)).toMatchObject({ status: 'DRAFT' });
      expect(await fx.sign('live-well', id)).toMatchObject({ status: 'ACTIVE' });
    });

    it('is SIGNED, not ACTIVE, while its start date has not come', async () => {
      const id = await fx.proposeAgreement({ parties: ['pst', 'lrmn'], receives: { lrmn: ['NEEDS'] }, startsOn: '2099-01-01', endsOn: '2099-12-31' });
      await fx.sign('pst', id);
      expect(await fx.sign('lrmn', id)).toMatchObject({ status: 'SIGNED' });
    });

    it('expires on its end date with no job running', async () => {
      const id = await fx.activeAgreement({ parties: ['pst', 'metro-gad'], receives: { 'metro-gad': ['NEEDS'] } });
      await fx.exchangeDatabase().query("UPDATE exchange.agreements SET starts_on = '2024-01-01', review_on = '2024-06-01', ends_on = '2025-01-01' WHERE id = $1", [id]);
      expect((await statusOf('metro-gad', id))?.status).toBe('EXPIRED');
      expect((await fx.ok<{ agreements: Listed[] }>('pst', Role.SERVICE_ADMIN, '{ agreements(status: EXPIRED) { id status version lineageId statusReason awaitingSignatureFrom } }')).agreements.map((a) => a.id)).toContain(id);
    });

    it('is suspended and terminated with a reason the record keeps', async () => {
      const id = await fx.activeAgreement({ parties: ['pst', 'thamesmead-foodbank'], receives: { 'thamesmead-foodbank': ['NEEDS'] } });
      await fx.ok('thamesmead-foodbank', Role.IG_LEAD, 'mutation($id: ID!) { suspendAgreement(id: $id, reason: "Breach under review") { id } }', { id });
      expect(await statusOf('pst', id)).toMatchObject({ status: 'SUSPENDED', statusReason: 'Breach under review' });
      await fx.ok('pst', Role.SERVICE_ADMIN, 'mutation($id: ID!) { terminateAgreement(id: $id, reason: "Service closed") { id } }', { id });
      expect(await statusOf('pst', id)).toMatchObject({ status: 'TERMINATED', statusReason: 'Service closed' });
    });

    it('is superseded by a new version, which keeps its lineage and the old version\'s history', async () => {
      const v1 = await fx.activeAgreement({ parties: ['pst', 'counselling-matters'], receives: { 'counselling-matters': ['NEEDS'] } });
      const caseId = await fx.createCase('pst');
      await fx.recordConsent('pst', caseId, { recipients: ['counselling-matters'], categories: ['NEEDS'] });
      expect((await fx.sendReferral('pst', caseId, 'counselling-matters', ['DEBT'])).errors).toBeUndefined();
      const v2 = await fx.activeAgreement({
        parties: ['pst', 'counselling-matters'],
        receives: { 'counselling-matters': ['NEEDS', 'CONTACT'] },
        supersedes: v1,
      });
      const [old, current] = [await statusOf('pst', v1), await statusOf('pst', v2)];
      expect(old).toMatchObject({ status: 'SUPERSEDED', version: 1 });
      expect(current).toMatchObject({ status: 'ACTIVE', version: 2, lineageId: old?.lineageId });
      const trail = await fx.ok<{ auditTrail: { action: string; agreementId: string }[] }>('pst', Role.IG_LEAD, 'query($c: ID!) { auditTrail(caseId: $c) { action agreementId } }', { c: caseId });
      expect(trail.auditTrail.find((e) => e.action === 'REFERRAL_SENT')?.agreementId).toBe(v1);
    });
  });

  describe('failing', () => {
    async function expectCode(org: string, role: Role, query: string, variables: Record<string, unknown>, code: string, field?: string) {
      const response = await fx.call(org, role, query, variables);
      expect(response.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    }

    it('refuses a proposal from a link worker with FORBIDDEN', async () => {
      await expectCode('pst', Role.LINK_WORKER, PROPOSE, { input: proposal() }, 'FORBIDDEN');
    });

    it('refuses a proposal that leaves out the proposer', async () => {
      await expectCode('live-well', Role.SERVICE_ADMIN, PROPOSE, { input: proposal() }, 'FORBIDDEN');
    });

    it.each([
      ['an unknown party', { parties: ['pst', 'nobody-here'], receives: [{ organisationId: 'pst', categories: ['NEEDS'] }] }, 'parties'],
      ['an end before its start', { endsOn: '2025-12-31' }, 'endsOn'],
      ['a review date outside its term', { reviewOn: '2030-01-01' }, 'reviewOn'],
      ['a recipient that is not a party', { receives: [{ organisationId: 'lrmn', categories: ['NEEDS'] }] }, 'receives'],
      ['no purpose at all', { purposes: [] }, 'purposes'],
    ])('refuses a proposal with %s as BAD_USER_INPUT', async (_name, change, field) => {
      await expectCode('pst', Role.SERVICE_ADMIN, PROPOSE, { input: proposal(change) }, 'BAD_USER_INPUT', field);
    });

    it('refuses a second signature from the same party with STATE_CONFLICT', async () => {
      const id = await fx.proposeAgreement({ parties: ['pst', 'community-connect'], receives: { 'community-connect': ['NEEDS'] } });
      await fx.sign('pst', id);
      await expectCode('pst', Role.SERVICE_ADMIN, 'mutation($id: ID!) { signAgreement(id: $id) { id } }', { id }, 'STATE_CONFLICT');
    });

    it('refuses a signature from an organisation that is not a party with AGREEMENT_NOT_VISIBLE', async () => {
      const id = await fx.proposeAgreement({ parties: ['pst', 'community-connect'], receives: { 'community-connect': ['NEEDS'] } });
      await expectCode('live-well', Role.SERVICE_ADMIN, 'mutation($id: ID!) { signAgreement(id: $id) { id } }', { id }, 'AGREEMENT_NOT_VISIBLE');
    });

    it('refuses to sign a terminated agreement with STATE_CONFLICT', async () => {
      const id = await fx.proposeAgreement({ parties: ['pst', 'community-connect'], receives: { 'community-connect': ['NEEDS'] } });
      await fx.ok('pst', Role.SERVICE_ADMIN, 'mutation($id: ID!) { terminateAgreement(id: $id, reason: "Drafted in error") { id } }', { id });
      await expectCode('community-connect', Role.SERVICE_ADMIN, 'mutation($id: ID!) { signAgreement(id: $id) { id } }', { id }, 'STATE_CONFLICT');
    });

    it('refuses a suspension without a reason with BAD_USER_INPUT', async () => {
      const id = await fx.activeAgreement({ parties: ['pst', 'citizens-advice-bexley'], receives: { 'citizens-advice-bexley': ['NEEDS'] } });
      await expectCode('pst', Role.SERVICE_ADMIN, 'mutation($id: ID!) { suspendAgreement(id: $id, reason: "  ") { id } }', { id }, 'BAD_USER_INPUT', 'reason');
    });

    it('does not show an agreement to an organisation that is not party to it', async () => {
      const id = await fx.proposeAgreement({ parties: ['pst', 'community-connect'], receives: { 'community-connect': ['NEEDS'] } });
      expect(await statusOf('bexley-council', id)).toBeUndefined();
    });
  });
});
