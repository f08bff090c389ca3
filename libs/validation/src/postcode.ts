import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

// BS 7666 letter rules: Q, V, X never lead; I, J, Z never second; inward letters avoid C, I, K, M, O, V.
const OUTWARD = /^[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPS-UW]|[A-HK-Y]\d[ABEHMNPRV-Y])$/;
const INWARD = /^\d[ABD-HJLNP-UW-Z]{2}$/;

/** `se28 8hd` or `DA188HQ` → `SE28 8HD` / `DA18 8HQ`; null when it is not a UK postcode. */
export function normaliseUkPostcode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 16) return null;
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (compact.length < 5 || compact.length > 7) return null;
  const outward = compact.slice(0, -3);
  const inward = compact.slice(-3);
  if (compact === 'GIR0AA' || (OUTWARD.test(outward) && INWARD.test(inward))) return `${outward} ${inward}`;
  return null;
}

export function IsUkPostcode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUkPostcode',
      validator: {
        validate: (value) => normaliseUkPostcode(value) !== null,
        defaultMessage: buildMessage((each) => `${each}$property must be a UK postcode such as SE28 8HD`, options),
      },
    },
    options,
  );
}
