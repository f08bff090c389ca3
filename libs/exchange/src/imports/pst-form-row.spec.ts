import { ConsentMethod, DataCategory, NeedCategory, Purpose } from '@hub/vocabulary';
import { CreateCaseInput } from '../cases/dto/create-case.input';
import { RecordConsentInput } from '../consents/dto/record-consent.input';
import type { PstFormRecord } from './pst-form-columns';
import { readPstForm } from './pst-form-row';
import { checkPstForm } from './pst-form-validation';

/** A filled-in form of a fictional resident; each test spoils one box. */
function form(changes: PstFormRecord = {}): PstFormRecord {
  return {
    form_date: '04/03/2025', venue: 'Lakeside Health Centre', referring_officer: 'Sam Okafor', referring_organisation: 'Peabody',
    reference: 'R-1', first_name: 'Margaret', last_name: 'Example', address_line_1: '12 Harrow Manorway', post_code: 'se2 9xx',
    can_write_to_address: 'Y', telephone: '07700 900123', can_leave_message: 'N', email: 'margaret@example.org',
    date_of_birth: '14/03/1951', adults_in_household: '1', children_in_household: '2', any_under_5: 'Y', borough: 'Greenwich',
    gender: 'Female', access_to_public_funds: 'Y', landlord: 'Social', landlord_name: 'Peabody', disability: 'N',
    ethnicity: 'White British', need_debt: 'Y', need_food_club: 'Y', need_disability_other: 'Y', signature: 'Y',
    referral_officer_signature: 'Y', other_comments: 'Gas arrears.', can_contact_for_feedback: 'Y',
    ...changes,
  };
}

const problemsOf = async (changes: PstFormRecord) => (await checkPstForm(readPstForm(form(changes)))).problems;

describe('a PST paper form as a case and its consent', () => {
  it('becomes the inputs createCase and recordConsent take', async () => {
    const { form: valid, problems } = await checkPstForm(readPstForm(form()));
    expect(problems).toEqual([]);
    expect(valid?.caseInput).toBeInstanceOf(CreateCaseInput);
    expect(valid?.caseInput).toMatchObject({
      identity: { givenName: 'Margaret', familyName: 'Example', dateOfBirth: '1951-03-14' },
      contact: { postcode: 'se2 9xx', preferences: { canWriteToAddress: true, canLeaveMessage: false, canContactForFeedback: true } },
      circumstances: { boroughOfResidence: 'GREENWICH', childrenInHousehold: 2, anyChildUnderFive: true, landlordType: 'SOCIAL', disability: 'NO' },
      needs: {
        categories: [NeedCategory.DEBT, NeedCategory.LONGER_TERM_FOOD, NeedCategory.DISABILITY_ADVICE],
        detail: 'Disability advice about: other.\nGas arrears.',
      },
    });
    expect(valid?.caseInput.notes).toBe(
      'PST paper referral form dated 2025-03-04 at Lakeside Health Centre. Referring officer: Sam Okafor of Peabody. Reference: R-1.',
    );
    expect(valid?.consentInput).toBeInstanceOf(RecordConsentInput);
    expect(valid?.consentInput).toMatchObject({
      givenBy: 'Margaret Example',
      method: ConsentMethod.SIGNED_FORM,
      givenAt: new Date('2025-03-04T00:00:00Z'),
      validFrom: '2025-03-04',
      recipients: [],
      partnership: true,
      purposes: [Purpose.DIRECT_SUPPORT, Purpose.FOLLOW_UP],
      categories: [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.CIRCUMSTANCES, DataCategory.NEEDS],
    });
  });

  it('asks no feedback purpose of a resident who said no to feedback', async () => {
    const { form: valid } = await checkPstForm(readPstForm(form({ can_contact_for_feedback: '' })));
    expect(valid?.consentInput.purposes).toEqual([Purpose.DIRECT_SUPPORT]);
    expect(valid?.consentInput.contactPreferences.canContactForFeedback).toBe(false);
  });

  it('refuses an unsigned form: no signed consent', async () => {
    expect(await problemsOf({ signature: '' })).toEqual([{ column: 'signature', reason: 'no signed consent' }]);
  });

  it('refuses a form with no need ticked, even with comments', async () => {
    expect(await problemsOf({ need_debt: '', need_food_club: '', need_disability_other: '' })).toEqual([
      { column: 'need_*', reason: 'no need is ticked' },
    ]);
  });

  it('gives every reason of a row, each under its column, once', async () => {
    expect(await problemsOf({ post_code: 'SE2', nhs_number: '943 476 5918', email: 'not-an-email', borough: 'Kent', first_name: '' })).toEqual([
      { column: 'borough', reason: 'must be Greenwich or Bexley, not "Kent"' },
      { column: 'first_name', reason: expect.stringMatching(/^must be text of 1 to 100 characters/) },
      { column: 'nhs_number', reason: expect.stringMatching(/valid check digit/) },
      { column: 'post_code', reason: 'must be a UK postcode such as SE28 8HD' },
      { column: 'email', reason: 'must be an email' },
    ]);
  });

  it('refuses a date of birth in the future with the hub\'s own rule', async () => {
    expect(await problemsOf({ date_of_birth: '01/01/2099' })).toEqual([
      { column: 'date_of_birth', reason: expect.stringMatching(/^must be a past date of birth/) },
    ]);
  });

  it('fingerprints the same form the same way however it was typed', () => {
    const once = readPstForm(form()).sourceRef;
    expect(readPstForm(form({ first_name: ' MARGARET ', address_line_1: '12  Harrow  Manorway' })).sourceRef).toBe(once);
    expect(readPstForm(form({ reference: 'R-2' })).sourceRef).not.toBe(once);
    expect(once).toMatch(/^pst-paper:[0-9a-f]{64}$/);
  });
});
