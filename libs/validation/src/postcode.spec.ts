import { validateSync } from 'class-validator';
import { IsUkPostcode, normaliseUkPostcode } from './postcode';

describe('normaliseUkPostcode', () => {
  it.each([
    ['se28 8hd', 'SE28 8HD'],
    ['DA188HQ', 'DA18 8HQ'],
    ['  SE2  9AA ', 'SE2 9AA'],
    ['sw1a1aa', 'SW1A 1AA'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'],
    ['M1 1AE', 'M1 1AE'],
    ['CR2 6XH', 'CR2 6XH'],
    ['gir0aa', 'GIR 0AA'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseUkPostcode(input)).toBe(expected);
  });

  it.each([
    ['an Irish Eircode', 'D02 X285'],
    ['another Eircode', 'A65 F4E2'],
    ['a US ZIP', '90210'],
    ['a US ZIP+4', '90210-1234'],
    ['empty', ''],
    ['blank', '   '],
    ['too long', 'SE28 8HD SE28 8HD'],
    ['a Q first', 'QE28 8HD'],
    ['a C in the inward code', 'SE28 8CD'],
    ['an outward code alone', 'SE28'],
    ['a hyphen', 'SE28-8HD'],
    ['not a string', 288],
    ['null', null],
  ])('refuses %s', (_, input) => {
    expect(normaliseUkPostcode(input)).toBeNull();
  });
});

describe('@IsUkPostcode', () => {
  class Contact {
    @IsUkPostcode() postcode: unknown;
  }
  const check = (postcode: unknown) => validateSync(Object.assign(new Contact(), { postcode }));

  it('passes a postcode in any spacing or case', () => {
    expect(check('da18 8hq')).toEqual([]);
  });

  it('names the property and an example', () => {
    expect(check('90210')[0].constraints).toEqual({ isUkPostcode: 'postcode must be a UK postcode such as SE28 8HD' });
  });
});
