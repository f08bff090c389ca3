import { registerEnumType } from '@nestjs/graphql';

/** Groups of a case's fields; agreements and consents grant by category, never by field. */
export enum DataCategory {
  IDENTITY = 'IDENTITY',
  CONTACT = 'CONTACT',
  CIRCUMSTANCES = 'CIRCUMSTANCES',
  NEEDS = 'NEEDS',
  /** Special category data (UK GDPR art. 9). */
  HEALTH = 'HEALTH',
  NOTES = 'NOTES',
  OUTCOMES = 'OUTCOMES',
}

registerEnumType(DataCategory, { name: 'DataCategory' });

export const DATA_CATEGORIES: readonly DataCategory[] = Object.values(DataCategory);
