import { registerEnumType } from '@nestjs/graphql';

/** How the resident gave consent (FHIR Consent.sourceAttachment / verification). */
export enum ConsentMethod {
  SIGNED_FORM = 'SIGNED_FORM',
  VERBAL_BY_PHONE = 'VERBAL_BY_PHONE',
  ONLINE = 'ONLINE',
}

registerEnumType(ConsentMethod, { name: 'ConsentMethod' });

export enum ConsentStatus {
  ACTIVE = 'ACTIVE',
  /** Its period has not begun. */
  PENDING = 'PENDING',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
  /** A later consent for the same case replaced it. */
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(ConsentStatus, { name: 'ConsentStatus' });
