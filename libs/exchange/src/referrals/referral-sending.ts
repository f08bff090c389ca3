import type { EntityManager } from 'typeorm';
import type { Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { Purpose } from '@hub/vocabulary';
import { londonToday } from '../agreements/agreement-status';
import type { CaseEntity } from '../cases/case.entity';
import { chooseAgreement, decideConsent } from '../policy/access-decision';
import { loadAgreementsBetween, loadLatestConsents } from '../policy/policy-facts.loader';
import type { SendReferralInput } from './dto/send-referral.input';

/**
 * Whether this case may go to this recipient now: an ACTIVE agreement between sender and recipient
 * covering DIRECT_SUPPORT, and a consent in force covering the recipient for that purpose. A refusal
 * is thrown with the rule as its code.
 */
export async function checkSendable(
  manager: EntityManager,
  principal: Principal,
  owned: CaseEntity,
  input: SendReferralInput,
): Promise<{ agreementId: string; consentId: string }> {
  const outside = input.needs.filter((n) => !owned.needs.includes(n));
  if (outside.length) {
    throw new HubError(HubErrorCode.BAD_USER_INPUT, `needs must be needs of the case; not: ${outside.join(', ')}`, { field: 'needs' });
  }
  const today = londonToday();
  const agreements = await loadAgreementsBetween(manager, principal.orgId, [input.recipientId]);
  const agreement = chooseAgreement(agreements, principal.orgId, input.recipientId, undefined, Purpose.DIRECT_SUPPORT, today);
  if (!agreement.allowed) throw new HubError(agreement.rule, agreement.reason, { agreementId: agreement.agreementId });
  const consent = (await loadLatestConsents(manager, [owned.id])).get(owned.id);
  const consentDecision = decideConsent(consent, input.recipientId, undefined, Purpose.DIRECT_SUPPORT, today);
  if (!consentDecision.allowed) {
    throw new HubError(consentDecision.rule, consentDecision.reason, { consentId: consentDecision.consentId });
  }
  return { agreementId: agreement.agreementId as string, consentId: consent?.id as string };
}
