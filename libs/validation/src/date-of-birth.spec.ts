import { validateSync } from 'class-validator';
import { IsDateOfBirth, isPlausibleDateOfBirth } from './date-of-birth';

describe('isPlausibleDateOfBirth', () => {
  const today = new Date('2025-06-15T12:00:00Z');

  it.each(['1990-04-01', '2025-06-14', '1900-06-15', '2024-02-29'])('accepts %j', (value) => {
    expect(isPlausibleDateOfBirth(value, today)).toBe(true);
  });

  it.each([
    ['today', '2025-06-15'],
    ['the future', '2030-01-01'],
    ['more than 125 years ago', '1900-06-14'],
    ['30 February', '2023-02-30'],
    ['29 February in a common year', '2023-02-29'],
    ['month 13', '2001-13-01'],
    ['day 0', '2001-01-00'],
    ['a date and time', '1990-04-01T00:00:00Z'],
    ['a UK-style date', '01/04/1990'],
    ['unpadded', '1990-4-1'],
    ['empty', ''],
    ['a Date object', new Date('1990-04-01')],
  ])('refuses %s', (_, value) => {
    expect(isPlausibleDateOfBirth(value, today)).toBe(false);
  });

  it("takes today as London's calendar day, not UTC's", () => {
    // 00:30 on 16 June in London (BST) is still 15 June in UTC.
    const londonMidnight = new Date('2025-06-15T23:30:00Z');
    expect(isPlausibleDateOfBirth('2025-06-15', londonMidnight)).toBe(true);
    expect(isPlausibleDateOfBirth('2025-06-16', londonMidnight)).toBe(false);
  });

  it('defaults today to now', () => {
    expect(isPlausibleDateOfBirth('2000-01-01')).toBe(true);
    expect(isPlausibleDateOfBirth('2999-01-01')).toBe(false);
  });
});

describe('@IsDateOfBirth', () => {
  class Identity {
    @IsDateOfBirth() dateOfBirth: unknown;
  }
  const check = (dateOfBirth: unknown) => validateSync(Object.assign(new Identity(), { dateOfBirth }));

  it('passes a past date', () => {
    expect(check('1990-04-01')).toEqual([]);
  });

  it('names the property and what is expected', () => {
    expect(check('2023-02-30')[0].constraints?.isDateOfBirth).toBe(
      'dateOfBirth must be a past date of birth as YYYY-MM-DD, at most 125 years ago',
    );
  });
});
