import { registerEnumType } from '@nestjs/graphql';

/** Whether a service can take a case now (Open Referral UK service_capacity, Gravity Yes/No/Waitlist). */
export enum CapacityStatus {
  OPEN = 'OPEN',
  WAITLIST = 'WAITLIST',
  CLOSED = 'CLOSED',
}

registerEnumType(CapacityStatus, { name: 'CapacityStatus' });
