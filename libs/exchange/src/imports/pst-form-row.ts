import { createHash } from 'node:crypto';
import { ConsentMethod, DataCategory, Purpose } from '@hub/vocabulary';
import { PST_FORM_COLUMNS, type PstFormRecord } from './pst-form-columns';
import { readNeeds } from './pst-form-needs';
import * as answers from './pst-form-values';
import type { RowProblem } from './row-problem';

/** One form, read: plain CreateCaseInput and RecordConsentInput (caseId to come), and what was wrong. */
export interface PstFormReading {
  caseInput: Record<string, unknown>;
  consentInput: Record<string, unknown>;
  /** `pst-paper:<sha256>`: the same form, transcribed again, has the same one. */
  sourceRef: string;
  problems: RowProblem[];
}

/** What the resident signed: "details … passed on to the relevant organisations of the partnership". */
const CONSENTED_CATEGORIES = [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.CIRCUMSTANCES, DataCategory.NEEDS];

export function readPstForm(raw: PstFormRecord): PstFormReading {
  const record = trimmed(raw);
  const problems: RowProblem[] = [];
  const take = <T>(column: string, read: (text: string) => answers.Answer<T>): T | undefined => {
    const answer = read(record[column] ?? '');
    if (answer.problem) problems.push({ column, reason: answer.problem });
    return answer.value;
  };
  const text = (column: string) => record[column] || undefined;

  const formDate = take('form_date', answers.formDate);
  if (!record.form_date) problems.push({ column: 'form_date', reason: 'the form is not dated' });
  if (!record.referring_officer) problems.push({ column: 'referring_officer', reason: 'no referring officer is named' });
  if (!take('signature', answers.ticked)) problems.push({ column: 'signature', reason: 'no signed consent' });
  if (!take('referral_officer_signature', answers.ticked)) {
    problems.push({ column: 'referral_officer_signature', reason: 'the referral officer has not signed the form' });
  }
  const preferences = {
    canWriteToAddress: take('can_write_to_address', (t) => answers.yesNo(t, false)),
    canLeaveMessage: take('can_leave_message', (t) => answers.yesNo(t, false)),
    canContactForFeedback: take('can_contact_for_feedback', (t) => answers.yesNo(t, false)),
  };
  const needs = readNeeds(record, problems);

  const caseInput = {
    identity: defined({
      givenName: text('first_name'),
      familyName: text('last_name'),
      dateOfBirth: take('date_of_birth', answers.formDate),
      nhsNumber: text('nhs_number'),
    }),
    contact: defined({
      addressLine1: text('address_line_1'),
      addressLine2: text('address_line_2'),
      postcode: text('post_code'),
      phone: text('telephone'),
      email: text('email'),
      preferences: defined(preferences),
    }),
    circumstances: defined({
      adultsInHousehold: take('adults_in_household', answers.wholeNumber),
      childrenInHousehold: take('children_in_household', answers.wholeNumber),
      anyChildUnderFive: take('any_under_5', (t) => answers.yesNo(t)),
      boroughOfResidence: take('borough', answers.borough),
      gender: text('gender'),
      accessToPublicFunds: take('access_to_public_funds', answers.publicFunds),
      landlordType: take('landlord', answers.landlord),
      landlordName: text('landlord_name'),
      disability: take('disability', answers.disability),
      ethnicity: text('ethnicity'),
    }),
    needs,
    notes: referralNote(record, formDate),
  };
  const consentInput = defined({
    givenBy: [record.first_name, record.last_name].filter(Boolean).join(' ') || undefined,
    method: ConsentMethod.SIGNED_FORM,
    givenAt: formDate ? answers.londonMidnight(formDate) : undefined,
    validFrom: formDate,
    venue: text('venue'),
    recipients: [],
    partnership: true,
    purposes: preferences.canContactForFeedback ? [Purpose.DIRECT_SUPPORT, Purpose.FOLLOW_UP] : [Purpose.DIRECT_SUPPORT],
    categories: CONSENTED_CATEGORIES,
    contactPreferences: defined(preferences),
  });
  return { caseInput, consentInput, sourceRef: pstPaperSourceRef(record), problems };
}

/** Who referred, where and when: on the form, but no case field holds it, so the notes do. */
function referralNote(record: PstFormRecord, formDate: string | undefined): string {
  const officer = record.referring_officer || 'an unnamed officer';
  const from = record.referring_organisation ? ` of ${record.referring_organisation}` : '';
  return [
    `PST paper referral form${formDate ? ` dated ${formDate}` : ''}${record.venue ? ` at ${record.venue}` : ''}.`,
    `Referring officer: ${officer}${from}.`,
    record.reference ? `Reference: ${record.reference}.` : '',
  ].filter(Boolean).join(' ');
}

/** The fingerprint of a form: every column, trimmed, spaces collapsed, case folded, in the columns' order. */
export function pstPaperSourceRef(record: PstFormRecord): string {
  const content = PST_FORM_COLUMNS.map((c) => (record[c.name] ?? '').trim().replace(/\s+/g, ' ').toLowerCase());
  return `pst-paper:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`;
}

function trimmed(record: PstFormRecord): PstFormRecord {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, (v ?? '').trim()]));
}

/** Leaves out unanswered boxes, so the input carries only what the form says. */
function defined<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as T;
}
