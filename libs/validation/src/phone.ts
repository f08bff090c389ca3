import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
// The 'max' metadata knows number types, so freephone, premium and 070 "personal" numbers can be refused.
import { parsePhoneNumberFromString, type NumberType } from 'libphonenumber-js/max';

// The parser would otherwise pick a number out of surrounding text and drop NULs and extensions.
const PHONE_CHARACTERS = /^\+?[\d ()\-.]{7,30}$/;
const RESIDENT_TYPES: ReadonlySet<NumberType> = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);
// Ofcom reserves these for drama; libphonenumber refuses them, but fixtures and demos use them
// precisely because they can never ring a real resident.
const OFCOM_DRAMA = /^\+44(?:7700900|1632960)\d{3}$/;

/** A UK mobile or landline (`07700 900123`, `020 8311 1234`, `+44 …`) in E.164; null otherwise. */
export function normaliseUkPhone(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (!PHONE_CHARACTERS.test(text)) return null;
  const phone = parsePhoneNumberFromString(text, 'GB');
  // Calling code 44 is the UK numbering plan, which Guernsey, Jersey and Man share.
  if (!phone || phone.countryCallingCode !== '44' || phone.ext) return null;
  if (OFCOM_DRAMA.test(phone.number)) return phone.number;
  const type = phone.getType();
  return phone.isValid() && type !== undefined && RESIDENT_TYPES.has(type) ? phone.number : null;
}

export function IsUkPhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUkPhoneNumber',
      validator: {
        validate: (value) => normaliseUkPhone(value) !== null,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a UK mobile or landline number such as 07700 900123 or 020 7946 0123`,
          options,
        ),
      },
    },
    options,
  );
}
