import { londonDate, startOfLondonDay } from './london-date';

describe('London dates', () => {
  it.each([
    ['2025-01-15T23:59:59Z', '2025-01-15'], // GMT: London is UTC
    ['2025-07-01T22:59:59Z', '2025-07-01'], // BST: 23:59:59 in London
    ['2025-07-01T23:00:00Z', '2025-07-02'], // BST: midnight in London
    ['2025-03-30T00:59:59Z', '2025-03-30'], // the last GMT second before the clocks go forward
    ['2025-03-30T23:30:00Z', '2025-03-31'], // 00:30 BST on Monday 31 March
    ['2025-10-25T23:30:00Z', '2025-10-26'], // 00:30 BST; the clocks go back at 01:00 UTC that night
    ['2025-10-26T00:30:00Z', '2025-10-26'], // 01:30 BST, still before the change
    ['2025-10-26T23:30:00Z', '2025-10-26'], // 23:30 GMT
  ])('puts %s on %s', (instant, date) => {
    expect(londonDate(new Date(instant))).toBe(date);
  });

  it.each([
    ['2025-07-01', '2025-06-30T23:00:00.000Z'], // BST
    ['2025-01-15', '2025-01-15T00:00:00.000Z'], // GMT
    ['2025-03-30', '2025-03-30T00:00:00.000Z'], // clocks go forward later that day, at 01:00 UTC
    ['2025-03-31', '2025-03-30T23:00:00.000Z'], // first midnight in BST
    ['2025-10-26', '2025-10-25T23:00:00.000Z'], // clocks go back later that day
    ['2025-10-27', '2025-10-27T00:00:00.000Z'], // first midnight in GMT
  ])('starts %s at %s', (date, instant) => {
    expect(startOfLondonDay(date).toISOString()).toBe(instant);
  });

  it('refuses an invalid instant or date', () => {
    expect(() => londonDate(new Date('not a date'))).toThrow('Not a valid instant: Invalid Date');
    expect(() => startOfLondonDay('2025-06-31')).toThrow(/Not an ISO calendar date/);
  });
});
