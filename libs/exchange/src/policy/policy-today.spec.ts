import { londonToday } from '../agreements/agreement-status';
import { policyToday } from './policy-today';

describe('policyToday', () => {
  it('is londonToday at every minute around midnight, in winter and summer and across both clock changes', () => {
    const around = [
      '2025-01-15T00:00:00Z', // GMT midnight
      '2025-07-15T23:00:00Z', // BST midnight
      '2025-03-30T01:00:00Z', // clocks go forward
      '2025-10-26T01:00:00Z', // clocks go back
      '2025-12-31T23:00:00Z',
    ];
    for (const at of around) {
      const centre = Date.parse(at);
      for (let minute = -150; minute <= 150; minute++) {
        const now = centre + minute * 60_000 + 59_999 * (minute % 2 === 0 ? 1 : 0);
        expect([new Date(now).toISOString(), policyToday(now)]).toEqual([new Date(now).toISOString(), londonToday(new Date(now))]);
      }
    }
  });

  it('follows the clock back and forth, not only forward', () => {
    expect(policyToday(Date.parse('2025-07-15T22:59:59.999Z'))).toBe('2025-07-15');
    expect(policyToday(Date.parse('2025-07-15T23:00:00.000Z'))).toBe('2025-07-16');
    expect(policyToday(Date.parse('2025-07-15T22:30:00.000Z'))).toBe('2025-07-15');
  });
});
