/**
 * The CSV columns of a transcribed PST paper referral form (seed 000, Appendix 4): one per box on the
 * form, snake_case, in the form's order. `input` is where the answer lands in CreateCaseInput
 * (`case.…`) or RecordConsentInput (`consent.…`), so a validation message can name the column.
 */
export interface PstFormColumn {
  name: string;
  /** The box as printed on the form. */
  label: string;
  /** What the column accepts, for --help. */
  accepts: string;
  /** Not on the paper form: the header may leave it out. */
  optional?: true;
  input?: string[];
}

const Y_N = 'Y or N (blank: N)';
const TICK = 'Y when ticked, else blank';

export const PST_FORM_COLUMNS: readonly PstFormColumn[] = [
  { name: 'form_date', label: 'Date', accepts: 'DD/MM/YYYY or YYYY-MM-DD (required)', input: ['consent.givenAt', 'consent.validFrom'] },
  { name: 'venue', label: 'Venue', accepts: 'text', input: ['consent.venue'] },
  { name: 'referring_officer', label: 'Referring Officer', accepts: 'name (required)' },
  { name: 'referring_organisation', label: 'Organisation', accepts: 'text' },
  { name: 'reference', label: 'Reference', accepts: 'text' },
  { name: 'first_name', label: 'First Name', accepts: 'text (required)', input: ['case.identity.givenName', 'consent.givenBy'] },
  { name: 'last_name', label: 'Last Name', accepts: 'text (required)', input: ['case.identity.familyName'] },
  { name: 'address_line_1', label: 'Address Line 1', accepts: 'text', input: ['case.contact.addressLine1'] },
  { name: 'address_line_2', label: 'Address Line 2', accepts: 'text', input: ['case.contact.addressLine2'] },
  { name: 'post_code', label: 'Post Code', accepts: 'UK postcode', input: ['case.contact.postcode'] },
  { name: 'can_write_to_address', label: 'Can we write to you at this address?', accepts: Y_N, input: ['case.contact.preferences.canWriteToAddress', 'consent.contactPreferences.canWriteToAddress'] },
  { name: 'telephone', label: 'Telephone/Mobile', accepts: 'UK landline or mobile', input: ['case.contact.phone'] },
  { name: 'can_leave_message', label: 'Can we leave a message?', accepts: Y_N, input: ['case.contact.preferences.canLeaveMessage', 'consent.contactPreferences.canLeaveMessage'] },
  { name: 'email', label: 'Email', accepts: 'email address', input: ['case.contact.email'] },
  { name: 'date_of_birth', label: 'Date of Birth', accepts: 'DD/MM/YYYY or YYYY-MM-DD', input: ['case.identity.dateOfBirth'] },
  { name: 'nhs_number', label: '(not on the form) NHS number', accepts: '10 digits', optional: true, input: ['case.identity.nhsNumber'] },
  { name: 'adults_in_household', label: 'Number of adults in household', accepts: 'whole number', input: ['case.circumstances.adultsInHousehold'] },
  { name: 'children_in_household', label: 'Number of children (under 18) in household', accepts: 'whole number', input: ['case.circumstances.childrenInHousehold'] },
  { name: 'any_under_5', label: 'Any under 5', accepts: 'Y, N or blank', input: ['case.circumstances.anyChildUnderFive'] },
  { name: 'borough', label: 'Borough (Greenwich / Bexley)', accepts: 'Greenwich or Bexley', input: ['case.circumstances.boroughOfResidence'] },
  { name: 'gender', label: 'Gender', accepts: 'Male, Female, Other or as stated', input: ['case.circumstances.gender'] },
  { name: 'access_to_public_funds', label: 'Do you have access to public funds', accepts: 'Y, N or blank', input: ['case.circumstances.accessToPublicFunds'] },
  { name: 'landlord', label: 'Landlord', accepts: 'Private, Social or blank', input: ['case.circumstances.landlordType'] },
  { name: 'landlord_name', label: 'Name of landlord', accepts: 'text', input: ['case.circumstances.landlordName'] },
  { name: 'disability', label: 'Do you consider yourself to have a disability?', accepts: 'Y, N, Prefer not to say or blank', input: ['case.circumstances.disability'] },
  { name: 'ethnicity', label: 'Ethnicity', accepts: 'as stated', input: ['case.circumstances.ethnicity'] },
  { name: 'need_debt', label: 'Advice about: Debt', accepts: TICK },
  { name: 'need_benefits', label: 'Advice about: Benefits', accepts: TICK },
  { name: 'need_housing', label: 'Advice about: Housing', accepts: TICK },
  { name: 'need_emergency_food', label: 'Food: Emergency (Foodbank)', accepts: TICK },
  { name: 'need_food_club', label: 'Food: Long term (Food Club)', accepts: TICK },
  { name: 'need_employment', label: 'Employment', accepts: TICK },
  { name: 'need_volunteering', label: 'Volunteering', accepts: TICK },
  { name: 'need_disability_housing', label: 'Disability advice: Housing', accepts: TICK },
  { name: 'need_disability_benefits', label: 'Disability advice: Benefits', accepts: TICK },
  { name: 'need_disability_other', label: 'Disability advice: Other', accepts: TICK },
  { name: 'need_immigration', label: 'Immigration advice', accepts: TICK },
  { name: 'need_counselling', label: 'Free counselling sessions', accepts: TICK },
  { name: 'need_energy_bills', label: 'Saving on energy bills', accepts: TICK },
  { name: 'need_digital_support', label: 'Digital support', accepts: TICK },
  { name: 'need_gardening', label: 'Local gardening opportunities', accepts: TICK },
  { name: 'signature', label: 'Signature (the resident\'s consent)', accepts: 'Y when signed (unsigned: not imported)' },
  { name: 'referral_officer_signature', label: 'Signature of Referral Officer', accepts: 'Y when signed (required)' },
  { name: 'other_comments', label: 'Any other comments / Do you need any other advice?', accepts: 'text', input: ['case.needs.detail'] },
  { name: 'can_contact_for_feedback', label: 'Can we contact you for feedback?', accepts: Y_N, input: ['case.contact.preferences.canContactForFeedback', 'consent.contactPreferences.canContactForFeedback', 'consent.purposes'] },
];

export type PstFormRecord = Record<string, string>;

/** The column named by an input path such as `case.contact.postcode`; the needs ticks answer for the needs. */
export function columnForInput(path: string): string {
  if (path.startsWith('case.needs.categories')) return 'need_*';
  const column = PST_FORM_COLUMNS.find((c) => c.input?.some((input) => path === input || path.startsWith(`${input}.`)));
  return column?.name ?? path;
}

/** What is wrong with a header row, if anything: missing, unknown or repeated columns. */
export function headerProblems(header: string[]): string[] {
  const known = new Set(PST_FORM_COLUMNS.map((c) => c.name));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const name of header) {
    if (!known.has(name)) problems.push(`unknown column "${name}"`);
    else if (seen.has(name)) problems.push(`column "${name}" appears twice`);
    seen.add(name);
  }
  const missing = PST_FORM_COLUMNS.filter((c) => !c.optional && !seen.has(c.name)).map((c) => c.name);
  if (missing.length) problems.push(`missing column(s): ${missing.join(', ')}`);
  return problems;
}
