import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

// Control characters other than tab and newline (C0, DEL, C1 incl. the 8-bit CSI), and lone
// surrogates, which Postgres refuses to store.
const FORBIDDEN = /(?![\t\n])\p{Cc}|\p{Cs}/u;

/** A string of 1..max characters (code points, after trimming) with no control characters but tab and newline. */
export function isFreeText(value: unknown, max: number): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  // A code point is at most two UTF-16 units, so this bounds the work before counting.
  if (text.length === 0 || text.length > 2 * max || FORBIDDEN.test(value)) return false;
  return [...text].length <= max;
}

export function IsFreeText(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFreeText',
      constraints: [max],
      validator: {
        validate: (value) => isFreeText(value, max),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be text of 1 to ${max} characters without control characters`,
          options,
        ),
      },
    },
    options,
  );
}
