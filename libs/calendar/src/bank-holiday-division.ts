import { dayNumber, yearOf } from './iso-date';
import type { CoveredYears } from './working-calendar';

// The shape of one division of https://www.gov.uk/bank-holidays.json, kept exactly so the file can be
// refreshed from gov.uk as it stands.
export const ENGLAND_AND_WALES = 'england-and-wales';

export interface BankHolidayEvent {
  title: string;
  date: string;
  /** 'Substitute day' when the holiday moved off a weekend; otherwise ''. */
  notes: string;
  bunting: boolean;
}

export interface BankHolidayDivision {
  division: typeof ENGLAND_AND_WALES;
  events: BankHolidayEvent[];
}

/** Checks a division read from a file or gov.uk and keeps only the four fields of each event. */
export function parseDivision(json: unknown, source: string): BankHolidayDivision {
  const division = json as Partial<BankHolidayDivision> | null;
  if (division?.division !== ENGLAND_AND_WALES || !Array.isArray(division.events) || !division.events.length) {
    throw new Error(`${source}: not the ${ENGLAND_AND_WALES} division with its events`);
  }
  const events = division.events.map(({ title, date, notes, bunting }, index) => {
    if (typeof title !== 'string' || typeof notes !== 'string' || typeof bunting !== 'boolean') {
      throw new Error(`${source}: event ${index} needs a title, notes and bunting`);
    }
    dayNumber(date);
    return { title, date, notes, bunting };
  });
  return { division: ENGLAND_AND_WALES, events };
}

/** The file's text: two-space JSON and a final newline, so regenerating it changes nothing when nothing changed. */
export function formatDivision(division: BankHolidayDivision): string {
  return `${JSON.stringify(division, null, 2)}\n`;
}

/** The first and last years with events; the lists are published whole years at a time. */
export function coveredYearsOf(events: BankHolidayEvent[]): CoveredYears {
  const years = events.map((event) => yearOf(dayNumber(event.date)));
  if (!years.length) throw new Error('No bank holidays: no year is covered');
  return { from: Math.min(...years), to: Math.max(...years) };
}
