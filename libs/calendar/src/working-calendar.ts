import { dayNumber, isoDateOf, isWeekend, yearOf } from './iso-date';

/** Working days in England and Wales terms: Monday to Friday, bank holidays excepted. Dates are ISO 'YYYY-MM-DD'. */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The nth working day after `date` (`date` itself not counted); 0 is `date` when it is a working day, else the next one. */
  addWorkingDays(date: string, days: number): string;
  /** Working days in (from, to]: 0 when `to` is `from`; an error when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number;
  /** Whether the holiday list covers the date's year. Outside it only weekends are known, so callers should warn. */
  covers(date: string): boolean;
}

export interface CoveredYears {
  from: number;
  to: number;
}

export function calendarOf(holidays: Iterable<string>, coveredYears: CoveredYears): WorkingCalendar {
  const { from, to } = coveredYears;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    throw new Error(`Covered years must be whole years, from ≤ to; got ${JSON.stringify(coveredYears)}`);
  }
  const holidayDays = new Set<number>();
  for (const date of holidays) holidayDays.add(dayNumber(date));
  const working = (day: number) => !isWeekend(day) && !holidayDays.has(day);

  return {
    isWorkingDay: (date) => working(dayNumber(date)),

    addWorkingDays(date, days) {
      let day = dayNumber(date);
      if (!Number.isSafeInteger(days) || days < 0) throw new Error(`Working days must be a whole number ≥ 0; got ${days}`);
      if (days === 0) {
        while (!working(day)) day += 1;
        return isoDateOf(day);
      }
      for (let left = days; left > 0; ) {
        day += 1;
        if (working(day)) left -= 1;
      }
      return isoDateOf(day);
    },

    workingDaysBetween(fromDate, toDate) {
      const start = dayNumber(fromDate);
      const end = dayNumber(toDate);
      // A reversed range is almost always swapped arguments; answering 0 would hide an overdue referral.
      if (end < start) throw new Error(`workingDaysBetween: ${toDate} is before ${fromDate}`);
      let count = 0;
      for (let day = start + 1; day <= end; day += 1) if (working(day)) count += 1;
      return count;
    },

    covers(date) {
      const year = yearOf(dayNumber(date));
      return year >= from && year <= to;
    },
  };
}
