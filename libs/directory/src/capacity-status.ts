import { registerEnumType } from '@nestjs/graphql';

/** Whether a service can take a case now (Open Referral UK service_capacity, Gravity Yes/No/Waitlist). */
export enum CapacityStatus {
  OPEN = 'OPEN',
  WAITLIST = 'WAITLIST',
  CLOSED = 'CLOSED',
}

registerEnumType(CapacityStatus, { name: 'CapacityStatus' });

/** How long the wait is when a service is on WAITLIST. */
export enum WaitlistBand {
  UNDER_1_MONTH = 'UNDER_1_MONTH',
  ONE_TO_3_MONTHS = 'ONE_TO_3_MONTHS',
  OVER_3_MONTHS = 'OVER_3_MONTHS',
}

registerEnumType(WaitlistBand, { name: 'WaitlistBand' });

/** Order of preference when ranking: open first, then the shortest wait. */
export function capacityRank(capacity: CapacityStatus, band: WaitlistBand | null): number {
  if (capacity === CapacityStatus.OPEN) return 0;
  if (capacity === CapacityStatus.CLOSED) return 9;
  return { UNDER_1_MONTH: 1, ONE_TO_3_MONTHS: 2, OVER_3_MONTHS: 3 }[band ?? WaitlistBand.OVER_3_MONTHS];
}
