import { AccessRule, DataCategory, Purpose, ReferralStatus, Role } from '@hub/vocabulary';
import type { Principal } from '@hub/identity';
import { decideAccess } from './access-decision';
import type { CasePolicyFacts } from './policy-facts';

const today = '2026-11-23';
const liveWell = (role: Role, scopes: string[] = []): Principal => ({ orgId: 'live-well', userId: 'u', role, scopes });
const agreement = {
  id: 'a1', version: 1, parties: ['pst', 'live-well'], purposes: [Purpose.DIRECT_SUPPORT],
  receives: { 'live-well': [DataCategory.CONTACT, DataCategory.NEEDS] },
  startsOn: '2026-01-01', endsOn: '2027-01-01', fullySignedAt: new Date(), suspendedAt: null, terminatedAt: null, supersededFrom: null,
};
const consent = {
  id: 'c1', recipients: ['live-well'], partnership: false, purposes: [Purpose.DIRECT_SUPPORT],
  categories: [DataCategory.CONTACT, DataCategory.NEEDS, DataCategory.HEALTH], validFrom: '2026-01-01', validUntil: null, withdrawnAt: null,
};
const referred: CasePolicyFacts = {
  caseId: 'k1', ownerOrg: 'pst',
  referrals: [{ id: 'r1', senderOrg: 'pst', recipientOrg: 'live-well', status: ReferralStatus.SENT }],
  agreements: [agreement], consent,
};

describe('decideAccess', () => {
  it('lets the owner read every category', () => {
    const owner: Principal = { orgId: 'pst', userId: 'u', role: Role.LINK_WORKER, scopes: [] };
    expect(decideAccess(owner, referred, DataCategory.HEALTH, today)).toMatchObject({ allowed: true, rule: AccessRule.OWNER });
  });

  it('lets the recipient read what agreement and consent both cover, naming both', () => {
    expect(decideAccess(liveWell(Role.LINK_WORKER), referred, DataCategory.CONTACT, today)).toEqual(
      expect.objectContaining({ allowed: true, rule: AccessRule.REFERRAL_RECIPIENT, agreementId: 'a1', consentId: 'c1', referralId: 'r1' }),
    );
  });

  it.each([
    ['consent covers health but the agreement does not', {}, DataCategory.HEALTH, AccessRule.AGREEMENT_EXCLUDES_CATEGORY],
    ['no live referral', { referrals: [] }, DataCategory.CONTACT, AccessRule.NO_LIVE_REFERRAL],
    ['no such case', { ownerOrg: undefined }, DataCategory.CONTACT, AccessRule.NO_LIVE_REFERRAL],
    ['no agreement', { agreements: [] }, DataCategory.CONTACT, AccessRule.NO_ACTIVE_AGREEMENT],
    ['a suspended agreement', { agreements: [{ ...agreement, suspendedAt: new Date() }] }, DataCategory.CONTACT, AccessRule.NO_ACTIVE_AGREEMENT],
    ['an agreement for feedback only', { agreements: [{ ...agreement, purposes: [Purpose.REFERRER_FEEDBACK] }] }, DataCategory.CONTACT, AccessRule.AGREEMENT_EXCLUDES_PURPOSE],
    ['no consent', { consent: undefined }, DataCategory.CONTACT, AccessRule.NO_CONSENT],
    ['a withdrawn consent', { consent: { ...consent, withdrawnAt: new Date() } }, DataCategory.CONTACT, AccessRule.CONSENT_WITHDRAWN],
    ['a consent past its period', { consent: { ...consent, validUntil: '2026-06-30' } }, DataCategory.CONTACT, AccessRule.CONSENT_NOT_IN_PERIOD],
    ['a consent naming someone else', { consent: { ...consent, recipients: ['lrmn'] } }, DataCategory.CONTACT, AccessRule.CONSENT_EXCLUDES_RECIPIENT],
    ['a consent for follow-up only', { consent: { ...consent, purposes: [Purpose.FOLLOW_UP] } }, DataCategory.CONTACT, AccessRule.CONSENT_EXCLUDES_PURPOSE],
    ['a consent without contact', { consent: { ...consent, categories: [DataCategory.NEEDS] } }, DataCategory.CONTACT, AccessRule.CONSENT_EXCLUDES_CATEGORY],
  ])('refuses with %s', (_name, change, category, rule) => {
    expect(decideAccess(liveWell(Role.LINK_WORKER), { ...referred, ...change }, category, today)).toMatchObject({ allowed: false, rule });
  });

  it('lets a partnership consent cover any recipient the owner has an active agreement with', () => {
    const partnership = { ...referred, consent: { ...consent, recipients: [], partnership: true } };
    expect(decideAccess(liveWell(Role.LINK_WORKER), partnership, DataCategory.NEEDS, today).allowed).toBe(true);
  });

  it.each([
    [Role.COMMISSIONER, DataCategory.NEEDS, AccessRule.COMMISSIONER_READS_NO_CASE],
    [Role.IG_LEAD, DataCategory.NEEDS, AccessRule.ROLE_EXCLUDES_CATEGORY],
    [Role.VOLUNTEER, DataCategory.HEALTH, AccessRule.ROLE_EXCLUDES_CATEGORY],
    [Role.INTEGRATOR, DataCategory.CONTACT, AccessRule.SCOPE_MISSING],
  ])('narrows by role: a %s is refused %s', (role, category, rule) => {
    const owner: Principal = { orgId: 'pst', userId: 'u', role, scopes: [] };
    expect(decideAccess(owner, referred, category, today)).toMatchObject({ allowed: false, rule });
  });

  it('lets an integrator read exactly the categories its scopes name', () => {
    const crm = liveWell(Role.INTEGRATOR, ['case:needs']);
    expect(decideAccess(crm, referred, DataCategory.NEEDS, today).allowed).toBe(true);
    expect(decideAccess(crm, referred, DataCategory.CONTACT, today).rule).toBe(AccessRule.SCOPE_MISSING);
  });
});
