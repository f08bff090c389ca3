import { HubError, HubErrorCode } from '@hub/platform';

/** The longest period one report covers: five years of months. */
export const MAX_REPORT_MONTHS = 60;

export interface ReportPeriod {
  from: string;
  to: string;
  /** Every month of the period, YYYY-MM, in order. */
  months: string[];
}

/** London's current month, YYYY-MM: months are counted in London time. */
export function londonMonth(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  return `${year}-${month}`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Only closed months are published: a closed month's figures never change, so asking the same
 * question again later cannot difference out whoever was added meanwhile.
 */
export function reportPeriod(from: string, to: string, now: Date): ReportPeriod {
  const refuse = (field: string, message: string) => new HubError(HubErrorCode.BAD_USER_INPUT, message, { field });
  if (from > to) throw refuse('from', 'from must not be after to.');
  if (to >= londonMonth(now)) throw refuse('to', `Figures are published once a month has closed: to must be before ${londonMonth(now)}.`);
  const months: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) {
    months.push(month);
    if (months.length > MAX_REPORT_MONTHS) throw refuse('from', `A report covers at most ${MAX_REPORT_MONTHS} months.`);
  }
  return { from, to, months };
}
