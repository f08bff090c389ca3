import { englandAndWalesCalendar } from '@hub/calendar';
import { ReferralStatus } from '@hub/vocabulary';
import { acknowledgeDeadline, contactDeadline, OverdueReason, overdueReasons, resumedDeadline } from './service-levels';

const settings = { acknowledgeWorkingDays: 3, contactDays: 14 };
const calendar = englandAndWalesCalendar();

describe('service levels', () => {
  it('counts working days past Easter: sent Thursday 17 April 2025, due by the end of Thursday 24 April', () => {
    // Good Friday 18th and Easter Monday 21st are bank holidays; 22, 23, 24 are the three working days.
    const due = acknowledgeDeadline(new Date('2025-04-17T14:00:00Z'), settings, calendar);
    expect(due.toISOString()).toBe('2025-04-24T23:00:00.000Z'); // 00:00 BST on Friday 25th
  });

  it('counts from the London date: 23:30 UTC on a winter Friday is still Friday in London', () => {
    const due = acknowledgeDeadline(new Date('2025-01-10T23:30:00Z'), settings, calendar);
    expect(due.toISOString()).toBe('2025-01-16T00:00:00.000Z'); // Mon 13, Tue 14, Wed 15
  });

  it('skips Christmas, Boxing Day and their substitutes', () => {
    // 2021: Christmas and Boxing Day fall at the weekend; 27 and 28 December are the substitute days.
    const due = acknowledgeDeadline(new Date('2021-12-23T10:00:00Z'), settings, calendar);
    // Fri 24, then Wed 29 and Thu 30: due at 00:00 on Friday 31 December (GMT).
    expect(due.toISOString()).toBe('2021-12-31T00:00:00.000Z');
  });

  it('is overdue from the deadline on, only while the referral still waits for that step', () => {
    const acknowledgeDueAt = new Date('2025-04-24T23:00:00Z');
    const clocks = { status: ReferralStatus.SENT, acknowledgeDueAt, contactDueAt: null };
    expect(overdueReasons(clocks, new Date('2025-04-24T22:59:59Z'))).toEqual([]);
    expect(overdueReasons(clocks, acknowledgeDueAt)).toEqual([OverdueReason.NOT_ACKNOWLEDGED]);
    expect(overdueReasons({ ...clocks, status: ReferralStatus.ACKNOWLEDGED }, new Date('2025-05-30T00:00:00Z'))).toEqual([]);
  });

  it('wants first contact within two weeks of acceptance', () => {
    const accepted = new Date('2025-05-01T09:00:00Z');
    const contactDueAt = contactDeadline(accepted, settings);
    expect(contactDueAt.toISOString()).toBe('2025-05-15T09:00:00.000Z');
    const clocks = { status: ReferralStatus.ACCEPTED, acknowledgeDueAt: null, contactDueAt };
    expect(overdueReasons(clocks, new Date('2025-05-15T08:59:00Z'))).toEqual([]);
    expect(overdueReasons(clocks, new Date('2025-05-15T09:00:00Z'))).toEqual([OverdueReason.NO_CONTACT]);
    expect(overdueReasons({ ...clocks, status: ReferralStatus.CONTACTED }, new Date('2025-06-15T09:00:00Z'))).toEqual([]);
  });

  it('moves a deadline on by the time spent waiting for information', () => {
    const due = new Date('2025-05-15T09:00:00Z');
    expect(resumedDeadline(due, new Date('2025-05-05T09:00:00Z'), new Date('2025-05-08T09:00:00Z'))?.toISOString()).toBe(
      '2025-05-18T09:00:00.000Z',
    );
    expect(resumedDeadline(null, new Date(), new Date())).toBeNull();
  });
});
