import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

// As printed on NHS letters (3-3-4, spaces or hyphens) or bare; one separator style throughout.
const FORMAT = /^(\d{3})([ -]?)(\d{3})\2(\d{4})$/;

/** True when ten digits pass the modulus 11 check (weights 10..2; 11 means 0; 10 is never issued). */
function hasValidCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** `943 476 5919`, `943-476-5919` or `9434765919` → `9434765919`; null unless its check digit is right. */
export function normaliseNhsNumber(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const match = FORMAT.exec(input.trim());
  if (!match) return null;
  const digits = match[1] + match[3] + match[4];
  return hasValidCheckDigit(digits) ? digits : null;
}

export function isValidNhsNumber(input: unknown): boolean {
  return normaliseNhsNumber(input) !== null;
}

export function IsNhsNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNhsNumber',
      validator: {
        validate: (value) => isValidNhsNumber(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a 10-digit NHS number with a valid check digit, such as 943 476 5919`,
          options,
        ),
      },
    },
    options,
  );
}
