import { englandAndWalesCalendar } from './england-and-wales';
import { calendarOf } from './working-calendar';
import { workingDayDeadline } from './working-day-deadline';

describe('working-day deadline', () => {
  const calendar = englandAndWalesCalendar();
  const deadline = (instant: string, days: number) => workingDayDeadline(new Date(instant), days, calendar).toISOString();

  it('passes at 00:00 London after the nth working day, across Easter 2025', () => {
    // Sent Thu 17 April (10:00 BST); the sending day is not counted, Good Friday and Easter Monday are skipped:
    // Tue 22, Wed 23, Thu 24 — so overdue from 00:00 BST on Fri 25 April.
    expect(deadline('2025-04-17T09:00:00Z', 3)).toBe('2025-04-24T23:00:00.000Z');
    expect(deadline('2025-04-17T09:00:00Z', 2)).toBe('2025-04-23T23:00:00.000Z');
  });

  it('takes the sending day from the London clock, not UTC', () => {
    // 23:30 UTC on Mon 30 June is 00:30 BST on Tue 1 July: one working day is Wed 2 July.
    expect(deadline('2025-06-30T23:30:00Z', 1)).toBe('2025-07-02T23:00:00.000Z');
  });

  it('ends in GMT when the clocks have gone back', () => {
    // Fri 24 Oct 2025 + 1 working day = Mon 27 Oct; midnight after it is GMT.
    expect(deadline('2025-10-24T12:00:00Z', 1)).toBe('2025-10-28T00:00:00.000Z');
  });

  it('with 0 working days ends with the sending day, or the next working day when sent on a day off', () => {
    expect(deadline('2025-04-17T09:00:00Z', 0)).toBe('2025-04-17T23:00:00.000Z');
    expect(deadline('2025-04-19T09:00:00Z', 0)).toBe('2025-04-22T23:00:00.000Z'); // Easter Saturday → Tue 22
  });

  it('refuses negative days and an invalid instant', () => {
    expect(() => deadline('2025-04-17T09:00:00Z', -1)).toThrow(/whole number ≥ 0/);
    expect(() => workingDayDeadline(new Date(Number.NaN), 1, calendarOf([], { from: 2025, to: 2025 }))).toThrow(/Not a valid instant/);
  });
});
