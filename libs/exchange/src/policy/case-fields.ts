import { DataCategory } from '@hub/vocabulary';

/**
 * Every personal field of a case and the category it belongs to. Agreements and consents grant by
 * category; this map is the one place a field meets its category (the GraphQL model reads it too).
 */
export const CASE_FIELD_CATEGORIES = {
  givenName: DataCategory.IDENTITY,
  familyName: DataCategory.IDENTITY,
  dateOfBirth: DataCategory.IDENTITY,
  nhsNumber: DataCategory.IDENTITY,
  addressLine1: DataCategory.CONTACT,
  addressLine2: DataCategory.CONTACT,
  town: DataCategory.CONTACT,
  postcode: DataCategory.CONTACT,
  phone: DataCategory.CONTACT,
  email: DataCategory.CONTACT,
  contactPreferences: DataCategory.CONTACT,
  boroughOfResidence: DataCategory.CIRCUMSTANCES,
  gpPractice: DataCategory.CIRCUMSTANCES,
  household: DataCategory.CIRCUMSTANCES,
  gender: DataCategory.CIRCUMSTANCES,
  accessToPublicFunds: DataCategory.CIRCUMSTANCES,
  landlord: DataCategory.CIRCUMSTANCES,
  disability: DataCategory.CIRCUMSTANCES,
  ethnicity: DataCategory.CIRCUMSTANCES,
  needs: DataCategory.NEEDS,
  needsDetail: DataCategory.NEEDS,
  healthSummary: DataCategory.HEALTH,
  notes: DataCategory.NOTES,
} as const satisfies Record<string, DataCategory>;

export type CaseField = keyof typeof CASE_FIELD_CATEGORIES;

export const CASE_FIELDS = Object.keys(CASE_FIELD_CATEGORIES) as CaseField[];

export function isCaseField(name: string): name is CaseField {
  return name in CASE_FIELD_CATEGORIES;
}

export function fieldsOfCategory(category: DataCategory): CaseField[] {
  return CASE_FIELDS.filter((field) => CASE_FIELD_CATEGORIES[field] === category);
}
