import { registerEnumType } from '@nestjs/graphql';

/**
 * An agreement's state, computed from its record and today's date, so expiry needs no job.
 * Only ACTIVE lets data flow.
 */
export enum AgreementStatus {
  /** Proposed; not every party has signed. */
  DRAFT = 'DRAFT',
  /** Every party has signed; the start date has not come. */
  SIGNED = 'SIGNED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
  /** A later version of the same agreement has taken effect. */
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(AgreementStatus, { name: 'AgreementStatus' });
