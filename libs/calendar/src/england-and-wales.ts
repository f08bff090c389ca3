import { readFileSync } from 'node:fs';
import { coveredYearsOf, parseDivision, type BankHolidayDivision } from './bank-holiday-division';
import { calendarOf, type WorkingCalendar } from './working-calendar';

/** Relative to the working directory, as the other shipped data files under config/ are read. */
export const BANK_HOLIDAY_FILE = 'config/bank-holidays.england-and-wales.json';

export function readBankHolidayFile(path = BANK_HOLIDAY_FILE): BankHolidayDivision {
  return parseDivision(JSON.parse(readFileSync(path, 'utf8')), path);
}

export function calendarOfDivision(division: BankHolidayDivision): WorkingCalendar {
  return calendarOf(
    division.events.map((event) => event.date),
    coveredYearsOf(division.events),
  );
}

let shipped: WorkingCalendar | undefined;

/** The England and Wales calendar from the shipped file, read on first use and kept. */
export function englandAndWalesCalendar(): WorkingCalendar {
  shipped ??= calendarOfDivision(readBankHolidayFile());
  return shipped;
}
