import { AccessRule, AgreementStatus, DataCategory, Purpose, Role } from '@hub/vocabulary';
import type { Principal } from '@hub/identity';
import { agreementStatusOn } from '../agreements/agreement-status';
import type { AgreementFact, CasePolicyFacts, ConsentFact, ReferralFact } from './policy-facts';

export interface AccessDecision {
  allowed: boolean;
  rule: AccessRule;
  reason: string;
  referralId?: string;
  agreementId?: string;
  consentId?: string;
}

/** The integrator scope that lets a machine client read a category, e.g. `case:contact`. */
export function scopeFor(category: DataCategory): string {
  return `case:${category.toLowerCase()}`;
}

const refuse = (rule: AccessRule, reason: string, ids: Partial<AccessDecision> = {}): AccessDecision => ({
  allowed: false,
  rule,
  reason,
  ...ids,
});

/** Roles narrow what an organisation may read; they never widen it. */
function roleNarrowing(principal: Principal, category: DataCategory): AccessDecision | undefined {
  switch (principal.role) {
    case Role.COMMISSIONER:
      return refuse(AccessRule.COMMISSIONER_READS_NO_CASE, 'Commissioners see de-identified figures only, never a case.');
    case Role.IG_LEAD:
      return refuse(AccessRule.ROLE_EXCLUDES_CATEGORY, 'An IG lead reviews who saw what (auditTrail, explainAccess), not case content.');
    case Role.VOLUNTEER:
      return category === DataCategory.HEALTH
        ? refuse(AccessRule.ROLE_EXCLUDES_CATEGORY, 'Volunteers do not see health information.')
        : undefined;
    case Role.INTEGRATOR:
      return principal.scopes.includes(scopeFor(category))
        ? undefined
        : refuse(AccessRule.SCOPE_MISSING, `The token lacks the scope ${scopeFor(category)}.`);
    case Role.LINK_WORKER:
    case Role.SERVICE_ADMIN:
      return undefined;
  }
}

/**
 * The rule (DESIGN.md, "Trust and policy"): the owner reads its case; another organisation reads a
 * category only as recipient of a live referral, under an ACTIVE agreement with the sender that
 * covers the purpose and the category for it, and a consent in force covering that recipient,
 * purpose and category. Roles narrow either grant.
 */
export function decideAccess(
  principal: Principal,
  facts: CasePolicyFacts,
  category: DataCategory,
  today: string,
  purpose: Purpose = Purpose.DIRECT_SUPPORT,
): AccessDecision {
  const narrowed = roleNarrowing(principal, category);
  if (narrowed) return narrowed;
  if (facts.ownerOrg !== undefined && facts.ownerOrg === principal.orgId) {
    return { allowed: true, rule: AccessRule.OWNER, reason: 'Your organisation owns this case.' };
  }
  if (facts.ownerOrg === undefined || facts.referrals.length === 0) {
    return refuse(AccessRule.NO_LIVE_REFERRAL, 'No live referral of this case was sent to your organisation.');
  }
  let first: AccessDecision | undefined;
  for (const referral of facts.referrals) {
    const decision = decideForReferral(principal.orgId, referral, facts, category, purpose, today);
    if (decision.allowed) return decision;
    first ??= decision;
  }
  return first as AccessDecision;
}

function decideForReferral(
  recipient: string,
  referral: ReferralFact,
  facts: CasePolicyFacts,
  category: DataCategory,
  purpose: Purpose,
  today: string,
): AccessDecision {
  const ids = { referralId: referral.id };
  const agreement = chooseAgreement(facts.agreements, referral.senderOrg, recipient, category, purpose, today);
  if (!agreement.allowed) return { ...agreement, ...ids };
  const consent = decideConsent(facts.consent, recipient, category, purpose, today);
  const withIds = { ...ids, agreementId: agreement.agreementId, consentId: facts.consent?.id };
  if (!consent.allowed) return { ...consent, ...withIds };
  return {
    allowed: true,
    rule: AccessRule.REFERRAL_RECIPIENT,
    reason: `Referred to your organisation; agreement and consent cover ${category} for ${purpose}.`,
    ...withIds,
  };
}

/** The best agreement between sender and recipient: one that allows, else the most telling refusal. */
export function chooseAgreement(
  agreements: AgreementFact[],
  sender: string,
  recipient: string,
  category: DataCategory | undefined,
  purpose: Purpose,
  today: string,
): AccessDecision {
  const between = agreements
    .filter((a) => a.parties.includes(sender) && a.parties.includes(recipient))
    .sort((a, b) => b.version - a.version);
  const active = between.filter((a) => agreementStatusOn(a, today) === AgreementStatus.ACTIVE);
  if (active.length === 0) {
    const latest = between[0];
    return refuse(
      AccessRule.NO_ACTIVE_AGREEMENT,
      latest
        ? `The agreement between ${sender} and ${recipient} is ${agreementStatusOn(latest, today)}.`
        : `There is no data-sharing agreement between ${sender} and ${recipient}.`,
      latest ? { agreementId: latest.id } : {},
    );
  }
  const forPurpose = active.filter((a) => a.purposes.includes(purpose));
  if (forPurpose.length === 0) {
    return refuse(AccessRule.AGREEMENT_EXCLUDES_PURPOSE, `The active agreement does not cover ${purpose}.`, {
      agreementId: active[0].id,
    });
  }
  const covering = category ? forPurpose.find((a) => (a.receives[recipient] ?? []).includes(category)) : forPurpose[0];
  if (!covering) {
    return refuse(AccessRule.AGREEMENT_EXCLUDES_CATEGORY, `The agreement does not let ${recipient} receive ${category}.`, {
      agreementId: forPurpose[0].id,
    });
  }
  return { allowed: true, rule: AccessRule.REFERRAL_RECIPIENT, reason: 'Covered by the agreement.', agreementId: covering.id };
}

/** Whether the consent in force covers recipient, purpose and (when given) category. */
export function decideConsent(
  consent: ConsentFact | undefined,
  recipient: string,
  category: DataCategory | undefined,
  purpose: Purpose,
  today: string,
): AccessDecision {
  if (!consent) return refuse(AccessRule.NO_CONSENT, 'The resident has not given consent.');
  const ids = { consentId: consent.id };
  if (consent.withdrawnAt) return refuse(AccessRule.CONSENT_WITHDRAWN, 'The resident withdrew consent.', ids);
  if (consent.validFrom > today || (consent.validUntil !== null && consent.validUntil < today)) {
    return refuse(AccessRule.CONSENT_NOT_IN_PERIOD, 'The consent is not in its period today.', ids);
  }
  // The partnership is every party to an active agreement with the owner; the agreement check has
  // already found one between sender and recipient.
  if (!consent.partnership && !consent.recipients.includes(recipient)) {
    return refuse(AccessRule.CONSENT_EXCLUDES_RECIPIENT, `The consent does not name ${recipient}.`, ids);
  }
  if (!consent.purposes.includes(purpose)) {
    return refuse(AccessRule.CONSENT_EXCLUDES_PURPOSE, `The consent does not cover ${purpose}.`, ids);
  }
  if (category && !consent.categories.includes(category)) {
    return refuse(AccessRule.CONSENT_EXCLUDES_CATEGORY, `The consent does not cover ${category}.`, ids);
  }
  return { allowed: true, rule: AccessRule.REFERRAL_RECIPIENT, reason: 'Covered by the consent.', ...ids };
}
