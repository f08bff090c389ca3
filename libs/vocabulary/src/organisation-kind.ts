import { registerEnumType } from '@nestjs/graphql';

export enum OrganisationKind {
  SOCIAL_PRESCRIBING_SERVICE = 'SOCIAL_PRESCRIBING_SERVICE',
  PARTNER_AGENCY = 'PARTNER_AGENCY',
  /** Refers residents in (a GP surgery, a housing association) but does not take cases. */
  REFERRER = 'REFERRER',
  COMMISSIONER = 'COMMISSIONER',
}

registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
