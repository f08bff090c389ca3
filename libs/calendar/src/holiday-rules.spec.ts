import { readFileSync } from 'node:fs';
import { coveredYearsOf, formatDivision } from './bank-holiday-division';
import { BANK_HOLIDAY_FILE, readBankHolidayFile } from './england-and-wales';
import { easterSunday, englandAndWalesDivision, ruledHolidays } from './holiday-rules';
import { isoDateOf } from './iso-date';

const datesOf = (from: number, to = from) => englandAndWalesDivision({ from, to }).events.map((event) => `${event.date} ${event.title}`);

describe('England and Wales bank holiday rules', () => {
  it.each([
    [2018, '2018-04-01'],
    [2022, '2022-04-17'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'], // the latest possible
    [2285, '2285-03-22'], // the earliest possible
  ])('puts Easter Sunday %i on %s', (year, date) => {
    expect(isoDateOf(easterSunday(year))).toBe(date);
  });

  it('gives 2025 its eight holidays', () => {
    expect(datesOf(2025)).toEqual([
      '2025-01-01 New Year’s Day',
      '2025-04-18 Good Friday',
      '2025-04-21 Easter Monday',
      '2025-05-05 Early May bank holiday',
      '2025-05-26 Spring bank holiday',
      '2025-08-25 Summer bank holiday',
      '2025-12-25 Christmas Day',
      '2025-12-26 Boxing Day',
    ]);
  });

  it('moves Christmas and Boxing Day off the weekend, each to the next free weekday', () => {
    const december = (year: number) => englandAndWalesDivision({ from: year, to: year }).events.filter((event) => event.date.startsWith(`${year}-12`));
    expect(december(2020)).toEqual([
      { title: 'Christmas Day', date: '2020-12-25', notes: '', bunting: true },
      { title: 'Boxing Day', date: '2020-12-28', notes: 'Substitute day', bunting: true }, // Fri/Sat
    ]);
    expect(december(2021)).toEqual([
      { title: 'Christmas Day', date: '2021-12-27', notes: 'Substitute day', bunting: true }, // Sat/Sun
      { title: 'Boxing Day', date: '2021-12-28', notes: 'Substitute day', bunting: true },
    ]);
    expect(december(2022)).toEqual([
      { title: 'Boxing Day', date: '2022-12-26', notes: '', bunting: true }, // Sun/Mon
      { title: 'Christmas Day', date: '2022-12-27', notes: 'Substitute day', bunting: true },
    ]);
  });

  it('moves New Year’s Day off the weekend', () => {
    expect(datesOf(2022)[0]).toBe('2022-01-03 New Year’s Day'); // Saturday
    expect(datesOf(2023)[0]).toBe('2023-01-02 New Year’s Day'); // Sunday
  });

  it('applies the one-off changes of 2020, 2022 and 2023', () => {
    expect(datesOf(2020)).toContain('2020-05-08 Early May bank holiday (VE day)');
    expect(datesOf(2020)).not.toContain('2020-05-04 Early May bank holiday');
    expect(datesOf(2022).slice(4, 8)).toEqual([
      '2022-06-02 Spring bank holiday',
      '2022-06-03 Platinum Jubilee bank holiday',
      '2022-08-29 Summer bank holiday',
      '2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II',
    ]);
    expect(datesOf(2022)).toHaveLength(10);
    expect(datesOf(2023).slice(3, 6)).toEqual([
      '2023-05-01 Early May bank holiday',
      '2023-05-08 Bank holiday for the coronation of King Charles III',
      '2023-05-29 Spring bank holiday',
    ]);
    // Without the one-offs the plain rules put 2022's spring holiday on the last Monday of May.
    expect(ruledHolidays(2022).map((event) => event.date)).toContain('2022-05-30');
  });

  it('refuses a one-off that replaces a holiday the year does not have', () => {
    const stray = [{ replaces: 'Whit Monday', event: { title: 'Whit Monday', date: '2026-05-25', notes: '', bunting: true }, why: 'test' }];
    expect(() => englandAndWalesDivision({ from: 2026, to: 2026 }, stray)).toThrow('One-off 2026-05-25 replaces "Whit Monday", which 2026 does not have');
  });

  it('refuses years before the one-off list starts, or a reversed range', () => {
    expect(() => englandAndWalesDivision({ from: 2012, to: 2013 })).toThrow(/from 2018/);
    expect(() => englandAndWalesDivision({ from: 2026, to: 2025 })).toThrow(/from ≤ to/);
  });

  it('regenerates the committed file exactly, so the file cannot drift from the rules', () => {
    const file = readBankHolidayFile();
    const years = coveredYearsOf(file.events);
    expect(years.from).toBeLessThanOrEqual(2018);
    expect(years.to).toBeGreaterThanOrEqual(2030);
    expect(readFileSync(BANK_HOLIDAY_FILE, 'utf8')).toBe(formatDivision(englandAndWalesDivision(years)));
  });
});
