// ISO calendar dates ('YYYY-MM-DD') handled as whole day numbers (days since 1970-01-01). The arithmetic is
// done in UTC, where every day is 24 hours, so no daylight-saving change can shift a date.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;

/** The day number of a valid ISO date; throws on anything else, impossible dates (2025-02-30) included. */
export function dayNumber(date: string): number {
  const parts = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (parts) {
    const day = dayOf(Number(parts[1]), Number(parts[2]), Number(parts[3]));
    if (isoDateOf(day) === date) return day;
  }
  throw new Error(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** Month is 1–12; an out-of-range day rolls over as Date.UTC does (day 0 is the month's last day before). */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

export function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}
