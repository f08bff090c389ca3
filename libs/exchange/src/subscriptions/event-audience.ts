import type { Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { ReferralDirection, ReferralEventType, Role } from '@hub/vocabulary';
import type { ReferralEventPayload } from '../lifecycle/referral-events';
import type { ReferralSide } from '../lifecycle/referral-transitions';

/** What a subscriber asked for: every argument is optional and narrows. */
export interface EventFilter {
  direction?: ReferralDirection;
  referralId?: string;
}

/**
 * Who may subscribe: whoever may list referrals (`referrals` narrows no role but reads no case
 * content for IG_LEAD, and INTEGRATOR only by scope), except a COMMISSIONER, who sees
 * de-identified figures only and so follows no referral.
 */
export function assertMaySubscribe(principal: Principal): void {
  if (principal.role === Role.COMMISSIONER) {
    throw new HubError(HubErrorCode.FORBIDDEN, 'A COMMISSIONER follows no referral: gapReport gives the figures.', {
      action: 'subscribe',
      subject: 'ReferralEvent',
    });
  }
}

/** The subscriber's side of the event's referral, or undefined when it is neither or the filter excludes it. */
export function sideFor(payload: ReferralEventPayload, orgId: string, filter: EventFilter): ReferralSide | undefined {
  if (filter.referralId && filter.referralId !== payload.referralId) return undefined;
  const side = payload.recipientOrg === orgId ? 'RECIPIENT' : payload.senderOrg === orgId ? 'SENDER' : undefined;
  if (!side || !filter.direction) return side;
  return (filter.direction === ReferralDirection.INBOUND) === (side === 'RECIPIENT') ? side : undefined;
}

/** REVOKED (consent withdrawn) is the last word on a referral: nothing about it follows. */
export function endsReferral(payload: ReferralEventPayload): boolean {
  return payload.type === ReferralEventType.REVOKED;
}
