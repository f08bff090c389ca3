import { registerEnumType } from '@nestjs/graphql';

/** The referral lifecycle (maps to FHIR Task statuses; see docs/ARCHITECTURE.md). */
export enum ReferralStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  INFO_REQUESTED = 'INFO_REQUESTED',
  CONTACTED = 'CONTACTED',
  APPOINTMENT_BOOKED = 'APPOINTMENT_BOOKED',
  ATTENDED = 'ATTENDED',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
  COMPLETED = 'COMPLETED',
  CLOSED_UNMET = 'CLOSED_UNMET',
  CANCELLED = 'CANCELLED',
  REVOKED = 'REVOKED',
}

registerEnumType(ReferralStatus, { name: 'ReferralStatus' });

/** While a referral is live its recipient may read the case (within agreement and consent). */
export const LIVE_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.SENT,
  ReferralStatus.ACKNOWLEDGED,
  ReferralStatus.ACCEPTED,
  ReferralStatus.INFO_REQUESTED,
  ReferralStatus.CONTACTED,
  ReferralStatus.APPOINTMENT_BOOKED,
  ReferralStatus.ATTENDED,
  ReferralStatus.DID_NOT_ATTEND,
];

export enum ReferralDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}

registerEnumType(ReferralDirection, { name: 'ReferralDirection' });

/**
 * What a timeline entry records: the status a referral moved to (any but DRAFT), or INFO_PROVIDED
 * when the sender answered a request for information (the referral goes back to where it was).
 */
const { DRAFT: _draft, ...statusesAfterSending } = ReferralStatus;
export const ReferralEventType = { ...statusesAfterSending, INFO_PROVIDED: 'INFO_PROVIDED' } as const;
export type ReferralEventType = (typeof ReferralEventType)[keyof typeof ReferralEventType];

registerEnumType(ReferralEventType, { name: 'ReferralEventType' });

/** Statuses that end a referral: nothing follows them. */
export const CLOSED_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.DECLINED,
  ReferralStatus.COMPLETED,
  ReferralStatus.CLOSED_UNMET,
  ReferralStatus.CANCELLED,
  ReferralStatus.REVOKED,
];
