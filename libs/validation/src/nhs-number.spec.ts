import { validateSync } from 'class-validator';
import { IsNhsNumber, isValidNhsNumber, normaliseNhsNumber } from './nhs-number';

describe('normaliseNhsNumber', () => {
  it.each([
    ['943 476 5919', '9434765919'],
    ['943-476-5919', '9434765919'],
    ['9434765919', '9434765919'],
    [' 401 023 2137 ', '4010232137'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseNhsNumber(input)).toBe(expected);
  });

  it.each([
    ['mixed separators', '943 476-5919'],
    ['odd grouping', '9434 765 919'],
    ['a wrong check digit', '9434765918'],
  ])('refuses %s', (_, input) => {
    expect(normaliseNhsNumber(input)).toBeNull();
  });
});

describe('isValidNhsNumber', () => {
  it.each(['9434765919', '4010232137', '943 476 5919'])('accepts %j', (input) => {
    expect(isValidNhsNumber(input)).toBe(true);
  });

  it('accepts a check digit of 0, which the modulus gives as 11', () => {
    // 4·10 + 0·9 + 1·8 + 0·7 + 2·6 + 3·5 + 2·4 + 0·3 + 8·2 = 99, a multiple of 11.
    expect(isValidNhsNumber('4010232080')).toBe(true);
  });

  it.each([
    ['a wrong check digit', '9434765910'],
    ['nine digits', '943476591'],
    ['eleven digits', '94347659190'],
    ['letters', '943476591A'],
    ['empty', ''],
    ['not a string', 9434765919],
  ])('refuses %s', (_, input) => {
    expect(isValidNhsNumber(input)).toBe(false);
  });

  it('refuses every number whose check computes to 10, which is never issued', () => {
    // 9·10 + 4·9 + 3·8 + 4·7 + 7·6 + 6·5 + 5·4 + 0·3 + 3·2 = 276 = 25·11 + 1, so the check is 10.
    for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(`943476503${last}`)).toBe(false);
  });
});

describe('@IsNhsNumber', () => {
  class Identity {
    @IsNhsNumber() nhsNumber: unknown;
  }
  const check = (nhsNumber: unknown) => validateSync(Object.assign(new Identity(), { nhsNumber }));

  it('passes a valid number as printed', () => {
    expect(check('943 476 5919')).toEqual([]);
  });

  it('names the property and what is expected', () => {
    expect(check('9434765918')[0].constraints?.isNhsNumber).toBe(
      'nhsNumber must be a 10-digit NHS number with a valid check digit, such as 943 476 5919',
    );
  });
});
