import { dayNumber, isoDateOf } from './iso-date';
import { londonDate, startOfLondonDay } from './london-date';
import type { WorkingCalendar } from './working-calendar';

/** The instant a working-day deadline passes: 00:00 London on the day after the nth working day after the instant's London date. */
export function workingDayDeadline(instant: Date, workingDays: number, calendar: WorkingCalendar): Date {
  const lastDay = calendar.addWorkingDays(londonDate(instant), workingDays);
  return startOfLondonDay(isoDateOf(dayNumber(lastDay) + 1));
}
