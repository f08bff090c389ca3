import { AgreementStatus } from '@hub/vocabulary';

/** The facts an agreement's status is computed from. */
export interface AgreementStatusFacts {
  startsOn: string;
  endsOn: string;
  fullySignedAt: Date | null;
  suspendedAt: Date | null;
  terminatedAt: Date | null;
  supersededFrom: string | null;
}

/**
 * Status on a given day (ISO date). Computed on every read, so an agreement expires on its end date
 * with no job running, and a superseded version stops the day its successor starts.
 */
export function agreementStatusOn(agreement: AgreementStatusFacts, today: string): AgreementStatus {
  if (agreement.terminatedAt) return AgreementStatus.TERMINATED;
  if (agreement.supersededFrom && agreement.supersededFrom <= today) return AgreementStatus.SUPERSEDED;
  if (agreement.suspendedAt) return AgreementStatus.SUSPENDED;
  if (agreement.endsOn < today) return AgreementStatus.EXPIRED;
  if (!agreement.fullySignedAt) return AgreementStatus.DRAFT;
  if (agreement.startsOn > today) return AgreementStatus.SIGNED;
  return AgreementStatus.ACTIVE;
}

/** Today as an ISO date in UK local time: agreements and consents run by the calendar day here. */
export function londonToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}
