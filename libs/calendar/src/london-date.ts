import { DAY_MS, dayNumber, isoDateOf } from './iso-date';

// Service levels run on the London calendar: a referral sent at 00:30 BST on 1 July was sent on 1 July, though
// it is still 30 June in UTC. Intl knows the Europe/London rules, so no time-zone dependency is needed.
const LONDON_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Europe/London calendar date of an instant. */
export function londonDate(instant: Date): string {
  return isoDateOf(Math.floor(londonWallClock(validInstant(instant)) / DAY_MS));
}

/** The instant it is 00:00 in London on `date`: 23:00 UTC the day before under BST, 00:00 UTC under GMT. */
export function startOfLondonDay(date: string): Date {
  const midnightUtc = dayNumber(date) * DAY_MS;
  // The offset at UTC midnight is right unless the clocks change between the two midnights; they change at
  // 01:00 UTC, so checking the offset again at the first answer settles it.
  const guess = midnightUtc - offsetAt(midnightUtc);
  return new Date(midnightUtc - offsetAt(guess));
}

/** London's wall-clock reading at `ms`, expressed as if it were a UTC time (whole seconds). */
function londonWallClock(ms: number): number {
  const part = Object.fromEntries(LONDON_WALL_CLOCK.formatToParts(ms).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
}

function offsetAt(ms: number): number {
  return londonWallClock(ms) - Math.floor(ms / 1000) * 1000;
}

function validInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`Not a valid instant: ${String(instant)}`);
  return ms;
}
