import { HubError, HubErrorCode } from '@hub/platform';
import type { ReferralView } from '../referrals/referral-view';

/**
 * The sender follows a referral (status, reason, outcome, service level, timeline) only under an
 * agreement covering REFERRER_FEEDBACK; without it each such field is withheld, and says why.
 */
export function assertFeedback(referral: ReferralView, field: string): void {
  if (referral.feedback && !referral.feedback.allowed) {
    throw new HubError(HubErrorCode.FIELD_WITHHELD, `${field} was withheld: ${referral.feedback.reason}`, {
      field,
      reason: referral.feedback.rule,
    });
  }
}

/** Details of the recipient's own work (appointments, scores) are not the sender's to read. */
export function withheldFromSender(field: string): HubError {
  return new HubError(HubErrorCode.FIELD_WITHHELD, `${field} was withheld: it stays with the receiving service.`, {
    field,
    reason: 'RECIPIENT_ONLY',
  });
}
