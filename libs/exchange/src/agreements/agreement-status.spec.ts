import { AgreementStatus } from '@hub/vocabulary';
import { agreementStatusOn, londonToday } from './agreement-status';

const signed = new Date('2026-01-02T10:00:00Z');
const base = { startsOn: '2026-01-01', endsOn: '2026-12-31', fullySignedAt: signed, suspendedAt: null, terminatedAt: null, supersededFrom: null };

describe('agreementStatusOn', () => {
  it.each([
    ['unsigned', { fullySignedAt: null }, '2026-06-01', AgreementStatus.DRAFT],
    ['signed, before its start', {}, '2025-12-31', AgreementStatus.SIGNED],
    ['signed, on its start day', {}, '2026-01-01', AgreementStatus.ACTIVE],
    ['on its last day', {}, '2026-12-31', AgreementStatus.ACTIVE],
    ['the day after its end', {}, '2027-01-01', AgreementStatus.EXPIRED],
    ['suspended', { suspendedAt: signed }, '2026-06-01', AgreementStatus.SUSPENDED],
    ['terminated while suspended', { suspendedAt: signed, terminatedAt: signed }, '2026-06-01', AgreementStatus.TERMINATED],
    ['superseded, before the successor starts', { supersededFrom: '2026-07-01' }, '2026-06-30', AgreementStatus.ACTIVE],
    ['superseded, once the successor starts', { supersededFrom: '2026-07-01' }, '2026-07-01', AgreementStatus.SUPERSEDED],
    ['unsigned past its end', { fullySignedAt: null }, '2027-02-01', AgreementStatus.EXPIRED],
  ])('%s', (_name, change, today, expected) => {
    expect(agreementStatusOn({ ...base, ...change }, today)).toBe(expected);
  });

  it('takes today as the calendar day in London, not UTC', () => {
    // 23:30 UTC on 30 June is already 1 July in British Summer Time.
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
