import { randomUUID } from 'node:crypto';
import { ALL_CASE_FIELDS, ExchangeFixtures, MRS_X, startTestHub, type TestHub } from '@hub/testing';
import { CASE_FIELD_CATEGORIES, type CaseField } from '@hub/exchange';
import { DataCategory, Role, ROLES } from '@hub/vocabulary';

/**
 * Every role × agreement state × consent state × category, read through the gateway by the
 * recipient of a live referral, checked field by field against an oracle written from DESIGN.md's
 * rule independently of the code. The assertion at the end: zero unexpected disclosures.
 */
const AGREEMENT_STATES = ['none', 'draft', 'active', 'narrow', 'suspended', 'expired', 'terminated'] as const;
const CONSENT_STATES = ['none', 'covering', 'otherRecipient', 'otherPurpose', 'otherCategory', 'expired', 'withdrawn'] as const;
type AgreementState = (typeof AGREEMENT_STATES)[number];
type ConsentState = (typeof CONSENT_STATES)[number];

/** One recipient organisation per agreement state, all with PST as sender. */
const RECIPIENT: Record<AgreementState, string> = {
  none: 'community-connect',
  draft: 'metro-gad',
  active: 'live-well',
  narrow: 'citizens-advice-bexley',
  suspended: 'counselling-matters',
  expired: 'lrmn',
  terminated: 'thamesmead-foodbank',
};
const ALL = Object.values(DataCategory);
const NARROW = [DataCategory.CONTACT, DataCategory.NEEDS];
const INTEGRATOR_SCOPES = ['case:contact', 'case:needs', 'case:health'];

/** The rule, as DESIGN.md states it, giving the reason a field is withheld (or REFERRAL_RECIPIENT). */
function oracle(role: Role, agreement: AgreementState, consent: ConsentState, category: DataCategory): string {
  if (role === Role.COMMISSIONER) return 'COMMISSIONER_READS_NO_CASE';
  if (role === Role.IG_LEAD) return 'ROLE_EXCLUDES_CATEGORY';
  if (role === Role.VOLUNTEER && category === DataCategory.HEALTH) return 'ROLE_EXCLUDES_CATEGORY';
  if (role === Role.INTEGRATOR && !INTEGRATOR_SCOPES.includes(`case:${category.toLowerCase()}`)) return 'SCOPE_MISSING';
  if (agreement !== 'active' && agreement !== 'narrow') return 'NO_ACTIVE_AGREEMENT';
  if (agreement === 'narrow' && !NARROW.includes(category)) return 'AGREEMENT_EXCLUDES_CATEGORY';
  const consentRule: Record<ConsentState, string> = {
    none: 'NO_CONSENT',
    covering: 'REFERRAL_RECIPIENT',
    otherRecipient: 'CONSENT_EXCLUDES_RECIPIENT',
    otherPurpose: 'CONSENT_EXCLUDES_PURPOSE',
    otherCategory: category === DataCategory.NEEDS ? 'REFERRAL_RECIPIENT' : 'CONSENT_EXCLUDES_CATEGORY',
    expired: 'CONSENT_NOT_IN_PERIOD',
    withdrawn: 'CONSENT_WITHDRAWN',
  };
  return consentRule[consent];
}

/** Mrs X with every field answered, so an allowed field is never null by accident. */
const FULL_CASE = {
  ...MRS_X,
  contact: { ...MRS_X.contact, addressLine2: 'Flat 3' },
  circumstances: { ...MRS_X.circumstances, gender: 'Female', ethnicity: 'White British' },
};

describe('the disclosure matrix', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  const cases = new Map<string, string>(); // `${agreement}/${consent}` → case id

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    const db = fx.exchangeDatabase();
    // Agreements between PST and each recipient, brought to their state through the API.
    for (const state of AGREEMENT_STATES) {
      const recipient = RECIPIENT[state];
      const spec = { parties: ['pst', recipient], receives: { [recipient]: state === 'narrow' ? NARROW : ALL } };
      if (state === 'none') continue;
      const id = state === 'draft' ? await fx.proposeAgreement(spec) : await fx.activeAgreement(spec);
      if (state === 'suspended') await fx.ok('pst', Role.SERVICE_ADMIN, 'mutation($id: ID!) { suspendAgreement(id: $id, reason: "Under review") { id } }', { id });
      if (state === 'terminated') await fx.ok('pst', Role.SERVICE_ADMIN, 'mutation($id: ID!) { terminateAgreement(id: $id, reason: "Ended") { id } }', { id });
      if (state === 'expired') {
        await db.query("UPDATE exchange.agreements SET starts_on = '2024-01-01', review_on = '2024-06-01', ends_on = '2025-01-01' WHERE id = $1", [id]);
      }
    }
    // A case per (agreement, consent) pair, its consent brought to its state through the API.
    for (const agreement of AGREEMENT_STATES) {
      const recipient = RECIPIENT[agreement];
      for (const consent of CONSENT_STATES) {
        const caseId = await fx.createCase('pst', FULL_CASE);
        cases.set(`${agreement}/${consent}`, caseId);
        const covering = { recipients: [recipient], purposes: ['DIRECT_SUPPORT'], categories: ALL };
        if (consent === 'covering') await fx.recordConsent('pst', caseId, covering);
        if (consent === 'otherRecipient') await fx.recordConsent('pst', caseId, { ...covering, recipients: ['lakeside-health-centre'] });
        if (consent === 'otherPurpose') await fx.recordConsent('pst', caseId, { ...covering, purposes: ['FOLLOW_UP'] });
        if (consent === 'otherCategory') await fx.recordConsent('pst', caseId, { ...covering, categories: ['NEEDS'] });
        if (consent === 'expired') {
          await fx.ok('pst', Role.LINK_WORKER, 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
            input: {
              caseId, givenBy: 'The resident', method: 'VERBAL_BY_PHONE', givenAt: '2025-01-01T10:00:00Z',
              recipients: [recipient], partnership: false, purposes: ['DIRECT_SUPPORT'], categories: ALL,
              validFrom: '2025-01-01', validUntil: '2025-12-31',
              contactPreferences: { canWriteToAddress: true, canLeaveMessage: true, canContactForFeedback: true },
            },
          });
        }
        if (consent === 'withdrawn') {
          const consentId = await fx.recordConsent('pst', caseId, covering);
          await fx.ok('pst', Role.LINK_WORKER, 'mutation($id: ID!) { withdrawConsent(id: $id) { id } }', { id: consentId });
        }
      }
    }
    // A live referral of every case to its recipient. Most of these states forbid sending, so the
    // rows are written directly; the rule re-reads agreement and consent on every read, never the
    // referral's own record of what allowed it (here a donor pair's, to satisfy the foreign keys).
    const donorCase = await fx.createCase('pst');
    const [donor] = await db.query(
      `SELECT a.id AS agreement, c.id AS consent FROM exchange.agreements a, exchange.consents c LIMIT 1`,
    );
    expect(donor).toBeDefined();
    expect(donorCase).toBeDefined();
    for (const [key, caseId] of cases) {
      const recipient = RECIPIENT[key.split('/')[0] as AgreementState];
      await db.query(
        `INSERT INTO exchange.referrals (id, case_id, sender_org, recipient_org, needs, status, idempotency_key, created_by, agreement_id, consent_id)
         VALUES ($1, $2, 'pst', $3, '{LONELINESS}', 'SENT', $4, 'matrix', $5, $6)`,
        [randomUUID(), caseId, recipient, `matrix-${key}`, donor.agreement, donor.consent],
      );
    }
  }, 180_000);
  afterAll(() => hub.close());

  let disclosed = 0;

  for (const role of ROLES) {
    it(`${role}: every field of every case is released or withheld exactly as the rule says`, async () => {
      const unexpected: string[] = [];
      for (const agreement of AGREEMENT_STATES) {
        for (const consent of CONSENT_STATES) {
          const caseId = cases.get(`${agreement}/${consent}`) as string;
          const response = await fx.readCase<Record<string, unknown>>(RECIPIENT[agreement], role, caseId, INTEGRATOR_SCOPES);
          const reasons = new Map(
            (response.errors ?? []).filter((e) => e.extensions?.code === 'FIELD_WITHHELD').map((e) => [e.extensions?.field, e.extensions?.reason]),
          );
          if (role === Role.COMMISSIONER) {
            expect(response.data?.case).toBeNull();
            expect(response.errors?.[0].extensions).toMatchObject({ code: 'CASE_NOT_VISIBLE', reason: 'COMMISSIONER_READS_NO_CASE' });
            continue;
          }
          for (const [field, category] of Object.entries(CASE_FIELD_CATEGORIES) as [CaseField, DataCategory][]) {
            const expected = oracle(role, agreement, consent, category);
            const value = response.data?.case?.[field];
            const where = `${role} ${agreement}/${consent} ${field}`;
            if (expected === 'REFERRAL_RECIPIENT') {
              disclosed++;
              if (value === null || value === undefined || reasons.has(field)) unexpected.push(`${where}: withheld, expected released`);
            } else {
              if (value !== null) unexpected.push(`${where}: RELEASED, expected ${expected}`);
              if (reasons.get(field) !== expected) unexpected.push(`${where}: reason ${String(reasons.get(field))}, expected ${expected}`);
            }
          }
        }
      }
      expect(unexpected).toEqual([]);
    }, 120_000);
  }

  it('released something at all (the matrix is not vacuous)', () => {
    // Per link worker or admin: 23 fields (active/covering) + 9 contact and needs (narrow/covering)
    // + 2 needs fields twice (…/otherCategory) = 36; a volunteer 35 (no health); the integrator 23
    // (contact, needs, health only: 10 + 9 + 2 + 2).
    expect(disclosed).toBe(36 + 36 + 35 + 23);
  });

  it('a third organisation with no referral sees none of these cases', async () => {
    for (const caseId of cases.values()) {
      const response = await fx.readCase('bexley-council', Role.LINK_WORKER, caseId);
      expect(response.data?.case).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('CASE_NOT_VISIBLE');
    }
  });
});
