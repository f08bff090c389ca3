import { ENGLAND_AND_WALES, type BankHolidayDivision, type BankHolidayEvent } from './bank-holiday-division';
import { dayOf, isoDateOf, isWeekend, weekdayOf } from './iso-date';
import { ONE_OFF_HOLIDAYS, type OneOffHoliday } from './one-off-holidays';
import type { CoveredYears } from './working-calendar';

/** The first year whose one-off changes are all in ONE_OFF_HOLIDAYS. */
export const RULES_HOLD_FROM = 2018;
const MONDAY = 1;

/** The England and Wales bank holidays of whole years, from the standing rules and the one-off changes. */
export function englandAndWalesDivision(years: CoveredYears, oneOffs: readonly OneOffHoliday[] = ONE_OFF_HOLIDAYS): BankHolidayDivision {
  const { from, to } = years;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < RULES_HOLD_FROM || from > to || to > 9999) {
    throw new Error(`Years must be whole, from ${RULES_HOLD_FROM}, from ≤ to; got ${JSON.stringify(years)}`);
  }
  const events: BankHolidayEvent[] = [];
  for (let year = from; year <= to; year += 1) events.push(...withOneOffs(year, ruledHolidays(year), oneOffs));
  return { division: ENGLAND_AND_WALES, events };
}

/** The standing rules (Banking and Financial Dealings Act 1971 and the yearly proclamations that repeat). */
export function ruledHolidays(year: number): BankHolidayEvent[] {
  const easter = easterSunday(year);
  return [
    ...withSubstitutes([{ title: 'New Year’s Day', day: dayOf(year, 1, 1) }]),
    holiday('Good Friday', easter - 2, false),
    holiday('Easter Monday', easter + 1),
    holiday('Early May bank holiday', firstMonday(year, 5)),
    holiday('Spring bank holiday', lastMonday(year, 5)),
    holiday('Summer bank holiday', lastMonday(year, 8)),
    ...withSubstitutes([
      { title: 'Christmas Day', day: dayOf(year, 12, 25) },
      { title: 'Boxing Day', day: dayOf(year, 12, 26) },
    ]),
  ];
}

/** Easter Sunday as a day number (the anonymous Gregorian computus). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return dayOf(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/**
 * Fixed-date holidays on a weekday keep their date; each one on a weekend moves to the next weekday not
 * already a holiday. So Christmas on a Sunday gives Boxing Day on Monday 26 and Christmas on Tuesday 27.
 */
function withSubstitutes(fixed: { title: string; day: number }[]): BankHolidayEvent[] {
  const taken = new Set(fixed.filter(({ day }) => !isWeekend(day)).map(({ day }) => day));
  return fixed.map(({ title, day }) => {
    if (!isWeekend(day)) return holiday(title, day);
    let substitute = day;
    while (isWeekend(substitute) || taken.has(substitute)) substitute += 1;
    taken.add(substitute);
    return { ...holiday(title, substitute), notes: 'Substitute day' };
  });
}

function withOneOffs(year: number, ruled: BankHolidayEvent[], oneOffs: readonly OneOffHoliday[]): BankHolidayEvent[] {
  const events = [...ruled];
  for (const { replaces, event } of oneOffs.filter((change) => change.event.date.startsWith(`${year}-`))) {
    const index = replaces === undefined ? events.length : events.findIndex((ruledEvent) => ruledEvent.title === replaces);
    if (index < 0) throw new Error(`One-off ${event.date} replaces "${replaces}", which ${year} does not have`);
    events.splice(index, 1, { ...event });
  }
  return events.sort((x, y) => x.date.localeCompare(y.date));
}

function holiday(title: string, day: number, bunting = true): BankHolidayEvent {
  return { title, date: isoDateOf(day), notes: '', bunting };
}

function firstMonday(year: number, month: number): number {
  const first = dayOf(year, month, 1);
  return first + ((MONDAY - weekdayOf(first) + 7) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = dayOf(year, month + 1, 0);
  return last - ((weekdayOf(last) - MONDAY + 7) % 7);
}
