import { registerEnumType } from '@nestjs/graphql';

/**
 * The fixed vocabulary of needs: the boxes on the PST referral form (seed 000, Appendix 4)
 * plus those other services add (seed 003). Free text goes beside it, never instead of it.
 */
export enum NeedCategory {
  DEBT = 'DEBT',
  BENEFITS = 'BENEFITS',
  HOUSING = 'HOUSING',
  EMERGENCY_FOOD = 'EMERGENCY_FOOD',
  LONGER_TERM_FOOD = 'LONGER_TERM_FOOD',
  EMPLOYMENT = 'EMPLOYMENT',
  VOLUNTEERING = 'VOLUNTEERING',
  DISABILITY_ADVICE = 'DISABILITY_ADVICE',
  IMMIGRATION = 'IMMIGRATION',
  COUNSELLING = 'COUNSELLING',
  ENERGY_BILLS = 'ENERGY_BILLS',
  DIGITAL_SUPPORT = 'DIGITAL_SUPPORT',
  GARDENING = 'GARDENING',
  LONELINESS = 'LONELINESS',
  PHYSICAL_ACTIVITY = 'PHYSICAL_ACTIVITY',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  CARERS = 'CARERS',
  DOMESTIC_ABUSE = 'DOMESTIC_ABUSE',
  SUBSTANCE_MISUSE = 'SUBSTANCE_MISUSE',
  FAMILY_SUPPORT = 'FAMILY_SUPPORT',
  OTHER = 'OTHER',
}

registerEnumType(NeedCategory, { name: 'NeedCategory' });

export const NEED_CATEGORIES: readonly NeedCategory[] = Object.values(NeedCategory);
