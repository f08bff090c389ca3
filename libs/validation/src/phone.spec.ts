import { validateSync } from 'class-validator';
import { IsUkPhoneNumber, normaliseUkPhone } from './phone';

describe('normaliseUkPhone', () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['020 8311 1234', '+442083111234'],
    ['+44 20 8311 1234', '+442083111234'],
    ['+44 (0)20 8311 1234', '+442083111234'],
    ['(020) 8311-1234', '+442083111234'],
    ['0113 496 0000', '+441134960000'],
    ['07911 123456', '+447911123456'],
    [' 01632 960001 ', '+441632960001'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseUkPhone(input)).toBe(expected);
  });

  it.each([
    ['too short', '07700 90012'],
    ['too long', '07700 9001234'],
    ['a freephone number', '0800 123 4567'],
    ['a premium-rate number', '0906 123 4567'],
    ['a 070 personal number', '070 1234 5678'],
    ['a US number', '+1 202 555 0123'],
    ['an Irish number', '+353 1 234 5678'],
    ['a number in a sentence', 'call 020 8311 1234 please'],
    ['an extension E.164 cannot carry', '020 8311 1234 ext 5'],
    ['a NUL', '020 8311 1234\u0000'],
    ['letters', 'not a number'],
    ['empty', ''],
    ['not a string', 2083111234],
  ])('refuses %s', (_, input) => {
    expect(normaliseUkPhone(input)).toBeNull();
  });
});

describe('@IsUkPhoneNumber', () => {
  class Contact {
    @IsUkPhoneNumber() phone: unknown;
  }
  const check = (phone: unknown) => validateSync(Object.assign(new Contact(), { phone }));

  it('passes a national mobile number', () => {
    expect(check('07700 900123')).toEqual([]);
  });

  it('names the property and an example', () => {
    expect(check('0800 123 4567')[0].constraints?.isUkPhoneNumber).toBe(
      'phone must be a UK mobile or landline number such as 07700 900123 or 020 7946 0123',
    );
  });
});
