import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coveredYearsOf, parseDivision } from './bank-holiday-division';
import { englandAndWalesCalendar, readBankHolidayFile } from './england-and-wales';

describe('the shipped England and Wales bank holidays (config/bank-holidays.england-and-wales.json)', () => {
  it('is in gov.uk’s shape, 2018 to 2030', () => {
    const file = readBankHolidayFile();
    expect(file.division).toBe('england-and-wales');
    expect(file.events[0]).toEqual({ title: 'New Year’s Day', date: '2018-01-01', notes: '', bunting: true });
    expect(coveredYearsOf(file.events)).toEqual({ from: 2018, to: 2030 });
    expect(file.events.map((event) => event.date)).toEqual([...file.events.map((event) => event.date)].sort());
  });

  it('is read once', () => {
    expect(englandAndWalesCalendar()).toBe(englandAndWalesCalendar());
  });

  it('refuses a file that is not the england-and-wales division, naming the file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'calendar-')), 'scotland.json');
    writeFileSync(path, JSON.stringify({ division: 'scotland', events: [{ title: 'St Andrew’s Day', date: '2025-12-01', notes: '', bunting: true }] }));
    expect(() => readBankHolidayFile(path)).toThrow(`${path}: not the england-and-wales division with its events`);
  });

  it('refuses events without their fields or with a bad date', () => {
    expect(() => parseDivision({ division: 'england-and-wales', events: [{ date: '2025-01-01' }] }, 'gov.uk')).toThrow('gov.uk: event 0 needs a title, notes and bunting');
    expect(() => parseDivision({ division: 'england-and-wales', events: [{ title: 'x', date: '2025-01-32', notes: '', bunting: true }] }, 'gov.uk')).toThrow(/Not an ISO calendar date/);
    expect(() => parseDivision({ division: 'england-and-wales', events: [] }, 'gov.uk')).toThrow(/not the england-and-wales division/);
  });

  it('keeps only the four fields of each event', () => {
    const parsed = parseDivision({ division: 'england-and-wales', events: [{ title: 'x', date: '2025-01-01', notes: '', bunting: true, extra: 1 }] }, 'gov.uk');
    expect(parsed.events).toEqual([{ title: 'x', date: '2025-01-01', notes: '', bunting: true }]);
  });
});
