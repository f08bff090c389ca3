import { Borough, Disability, LandlordType, YesNoUnknown } from '@hub/vocabulary';

/**
 * The paper form's answers (Y/N boxes, ticks, UK dates, Greenwich/Bexley) read into the hub's
 * vocabulary. Only the form's words are checked here; the hub's rules (postcode, dates of birth,
 * lengths) are CreateCaseInput's, applied afterwards.
 */
export type Answer<T> = { value?: T; problem?: string };

const YES = new Set(['y', 'yes']);
const NO = new Set(['n', 'no']);
const TICKED = new Set(['y', 'yes', 'x', '✓', '✔', 'true', '1']);
const UNTICKED = new Set(['', 'n', 'no', 'false', '0']);

/** Y/N; a blank box is `blank` (N for a permission: only a written yes is one). */
export function yesNo(text: string, blank?: boolean): Answer<boolean> {
  const word = text.toLowerCase();
  if (word === '') return { value: blank };
  if (YES.has(word)) return { value: true };
  if (NO.has(word)) return { value: false };
  return { problem: `must be Y or N, not "${text}"` };
}

export function ticked(text: string): Answer<boolean> {
  const word = text.toLowerCase();
  if (TICKED.has(word)) return { value: true };
  if (UNTICKED.has(word)) return { value: false };
  return { problem: `must be Y when ticked or blank, not "${text}"` };
}

const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `04/03/2025` (as written in the UK) or `2025-03-04` → `2025-03-04`, if that day exists. */
export function formDate(text: string): Answer<string> {
  if (text === '') return {};
  const uk = UK_DATE.exec(text);
  const iso = ISO_DATE.exec(text);
  if (!uk && !iso) return { problem: 'must be a date as DD/MM/YYYY' };
  const [year, month, day] = uk ? [uk[3], uk[2], uk[1]] : [iso![1], iso![2], iso![3]];
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // A day that does not exist (31/02) would roll over into the next month.
  const real = new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  return real ? { value } : { problem: 'is not a real date' };
}

export function wholeNumber(text: string): Answer<number> {
  if (text === '') return {};
  return /^\d{1,3}$/.test(text) ? { value: Number(text) } : { problem: 'must be a whole number' };
}

/** The form offers Greenwich or Bexley only. */
export function borough(text: string): Answer<Borough> {
  const word = text.toLowerCase();
  if (word === '') return {};
  if (word === 'greenwich') return { value: Borough.GREENWICH };
  if (word === 'bexley') return { value: Borough.BEXLEY };
  return { problem: `must be Greenwich or Bexley, not "${text}"` };
}

export function landlord(text: string): Answer<LandlordType> {
  const word = text.toLowerCase();
  if (word === '') return {};
  if (word === 'private') return { value: LandlordType.PRIVATE };
  if (word === 'social') return { value: LandlordType.SOCIAL };
  return { problem: `must be Private or Social, not "${text}"` };
}

export function disability(text: string): Answer<Disability> {
  const word = text.toLowerCase().replace(/\s+/g, ' ');
  if (word === '') return {};
  if (word === 'prefer not to say') return { value: Disability.PREFER_NOT_TO_SAY };
  const answer = yesNo(text);
  if (answer.problem) return { problem: `must be Y, N or Prefer not to say, not "${text}"` };
  return { value: answer.value ? Disability.YES : Disability.NO };
}

export function publicFunds(text: string): Answer<YesNoUnknown> {
  const answer = yesNo(text);
  if (answer.value === undefined) return { problem: answer.problem };
  return { value: answer.value ? YesNoUnknown.YES : YesNoUnknown.NO };
}

/** The first moment of a London calendar day: the form says on which day, not when. */
export function londonMidnight(isoDate: string): Date {
  const utcMidnight = new Date(`${isoDate}T00:00:00Z`);
  // At UTC midnight London is 00:00 (GMT) or 01:00 (BST) on the same day.
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(utcMidnight),
  );
  return new Date(utcMidnight.getTime() - londonHour * 3_600_000);
}
