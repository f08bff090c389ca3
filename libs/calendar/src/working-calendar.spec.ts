import { englandAndWalesCalendar } from './england-and-wales';
import { calendarOf } from './working-calendar';

describe('working calendar', () => {
  // Thu 1 Jan 2026 is a holiday in this small calendar; the week runs Thu 1 … Wed 7.
  const small = calendarOf(['2026-01-01'], { from: 2026, to: 2026 });
  const englandAndWales = englandAndWalesCalendar();

  it('works Monday to Friday, not weekends or holidays', () => {
    expect(small.isWorkingDay('2026-01-01')).toBe(false); // holiday
    expect(small.isWorkingDay('2026-01-02')).toBe(true); // Friday
    expect(small.isWorkingDay('2026-01-03')).toBe(false); // Saturday
    expect(small.isWorkingDay('2026-01-04')).toBe(false); // Sunday
    expect(small.isWorkingDay('2026-01-05')).toBe(true); // Monday
  });

  it('skips the weekend when adding working days', () => {
    expect(small.addWorkingDays('2026-01-02', 1)).toBe('2026-01-05'); // Fri + 1 → Mon
    expect(small.addWorkingDays('2026-01-02', 5)).toBe('2026-01-09');
    expect(small.addWorkingDays('2026-01-03', 1)).toBe('2026-01-05'); // from a Saturday
  });

  it('answers 0 working days with the date itself, or the next working day', () => {
    expect(small.addWorkingDays('2026-01-02', 0)).toBe('2026-01-02');
    expect(small.addWorkingDays('2025-12-31', 0)).toBe('2025-12-31');
    expect(small.addWorkingDays('2026-01-01', 0)).toBe('2026-01-02'); // holiday
    expect(small.addWorkingDays('2026-01-03', 0)).toBe('2026-01-05'); // Saturday
  });

  it('counts working days in (from, to]', () => {
    expect(small.workingDaysBetween('2025-12-31', '2026-01-05')).toBe(2); // Fri 2, Mon 5
    expect(small.workingDaysBetween('2026-01-05', '2026-01-05')).toBe(0);
    expect(small.workingDaysBetween('2026-01-03', '2026-01-04')).toBe(0);
    expect(englandAndWales.workingDaysBetween('2025-01-01', '2025-12-31')).toBe(253); // 261 weekdays less 8 bank holidays
  });

  it('counts back exactly what it added', () => {
    for (const start of ['2025-04-17', '2022-12-23', '2022-06-01', '2023-05-05', '2020-05-07']) {
      for (let days = 1; days <= 12; days += 1) {
        expect(englandAndWales.workingDaysBetween(start, englandAndWales.addWorkingDays(start, days))).toBe(days);
      }
    }
  });

  it('skips Easter 2025: Good Friday 18 April and Easter Monday 21 April', () => {
    expect(englandAndWales.isWorkingDay('2025-04-18')).toBe(false);
    expect(englandAndWales.isWorkingDay('2025-04-21')).toBe(false);
    // Thu 17 not counted; Fri 18 to Mon 21 off; Tue 22, Wed 23, Thu 24.
    expect(englandAndWales.addWorkingDays('2025-04-17', 3)).toBe('2025-04-24');
    expect(englandAndWales.workingDaysBetween('2025-04-17', '2025-04-23')).toBe(2);
  });

  it('skips Christmas and Boxing Day substitutes', () => {
    // 2021: Christmas on Saturday, so Mon 27 and Tue 28 are both substitutes.
    expect(englandAndWales.addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    // 2022: Christmas on Sunday; Boxing Day Mon 26 and Christmas substitute Tue 27.
    expect(englandAndWales.addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    // 2020: Boxing Day on Saturday; substitute Mon 28.
    expect(englandAndWales.addWorkingDays('2020-12-24', 1)).toBe('2020-12-29');
  });

  it('skips the 2022 and 2023 one-off bank holidays and works the days they displaced', () => {
    expect(englandAndWales.isWorkingDay('2022-05-30')).toBe(true); // spring bank holiday moved off the last Monday
    expect(englandAndWales.addWorkingDays('2022-06-01', 1)).toBe('2022-06-06'); // Thu 2 and Fri 3 June
    expect(englandAndWales.addWorkingDays('2022-09-16', 1)).toBe('2022-09-20'); // State Funeral, Mon 19 Sep
    expect(englandAndWales.addWorkingDays('2023-05-05', 1)).toBe('2023-05-09'); // Coronation, Mon 8 May
    expect(englandAndWales.isWorkingDay('2020-05-04')).toBe(true); // 2020 early May moved to Fri 8 May
    expect(englandAndWales.isWorkingDay('2020-05-08')).toBe(false);
  });

  it('says which years its holiday list covers', () => {
    expect(small.covers('2026-06-01')).toBe(true);
    expect(small.covers('2027-01-01')).toBe(false);
    expect(englandAndWales.covers('2018-01-01')).toBe(true);
    expect(englandAndWales.covers('2030-12-31')).toBe(true);
    expect(englandAndWales.covers('2017-12-31')).toBe(false);
    expect(englandAndWales.covers('2031-01-01')).toBe(false);
  });

  it('still knows weekends outside the covered years', () => {
    expect(englandAndWales.addWorkingDays('2031-01-03', 1)).toBe('2031-01-06'); // Fri → Mon
  });

  describe('refuses', () => {
    it.each(['2025-02-30', '2025-13-01', '25-01-01', '2025-1-1', '2025-01-01T00:00', '', 'soon'])('the date %j', (date) => {
      expect(() => small.isWorkingDay(date)).toThrow(/Not an ISO calendar date/);
      expect(() => small.addWorkingDays(date, 1)).toThrow(/Not an ISO calendar date/);
      expect(() => small.workingDaysBetween(date, '2026-01-05')).toThrow(/Not an ISO calendar date/);
      expect(() => small.covers(date)).toThrow(/Not an ISO calendar date/);
    });

    it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('%p working days', (days) => {
      expect(() => small.addWorkingDays('2026-01-05', days)).toThrow(/whole number ≥ 0/);
    });

    it('a range that ends before it starts', () => {
      expect(() => small.workingDaysBetween('2026-01-05', '2026-01-02')).toThrow('workingDaysBetween: 2026-01-02 is before 2026-01-05');
    });

    it('a bad holiday or covered-years range', () => {
      expect(() => calendarOf(['2026-02-29'], { from: 2026, to: 2026 })).toThrow(/Not an ISO calendar date/);
      expect(() => calendarOf([], { from: 2027, to: 2026 })).toThrow(/Covered years/);
      expect(() => calendarOf([], { from: 2026.5, to: 2027 })).toThrow(/Covered years/);
    });
  });
});
