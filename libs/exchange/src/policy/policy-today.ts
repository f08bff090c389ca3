import { londonToday } from '../agreements/agreement-status';

const HOUR_MS = 3_600_000;
let memo: { hour: number; day: string } | undefined;

/**
 * `londonToday`, worked out at most once per UTC hour. London is always a whole number of hours from
 * UTC (GMT, or BST from 01:00 UTC in March to 01:00 UTC in October), so its calendar date can only
 * change on a UTC hour. Formatting a date in a named time zone builds an Intl.DateTimeFormat, which
 * cost more than the rest of a policy decision; the policy asks on every read.
 */
export function policyToday(now: number = Date.now()): string {
  const hour = Math.floor(now / HOUR_MS);
  if (memo?.hour !== hour) memo = { hour, day: londonToday(new Date(now)) };
  return memo.day;
}
