import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OLDEST_AGE = 125;
// "Today" is the resident's calendar day, which in the small hours differs from UTC's.
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function isRealDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

function londonDate(today: Date): { year: number; monthDay: string } {
  const parts = LONDON_DAY.formatToParts(today);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { year: Number(part('year')), monthDay: `${part('month')}-${part('day')}` };
}

/** A real `YYYY-MM-DD` strictly before today (in London) and no more than 125 years before it. */
export function isPlausibleDateOfBirth(value: unknown, today: Date = new Date()): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  const { year, monthDay } = londonDate(today);
  const pad = (y: number) => String(y).padStart(4, '0');
  // ISO dates order as strings, so no Date arithmetic (and no 29 February surprises) is needed.
  return value < `${pad(year)}-${monthDay}` && value >= `${pad(year - OLDEST_AGE)}-${monthDay}`;
}

export function IsDateOfBirth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOfBirth',
      validator: {
        validate: (value) => isPlausibleDateOfBirth(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a past date of birth as YYYY-MM-DD, at most ${OLDEST_AGE} years ago`,
          options,
        ),
      },
    },
    options,
  );
}
