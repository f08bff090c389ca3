import { HubError } from '@hub/platform';
import { ClosureReason, ReferralStatus as S, Role } from '@hub/vocabulary';
import { planTransition, type ReferralSide, type TransitionRequest } from './referral-transitions';

const worker = { role: Role.LINK_WORKER, scopes: [] as string[] };
const ALL = Object.values(S);

/** What each target needs to be complete, so the test checks the state machine, not the details. */
function complete(to: S): TransitionRequest {
  switch (to) {
    case S.DECLINED:
    case S.CLOSED_UNMET:
      return { to, reason: ClosureReason.NO_CAPACITY };
    case S.INFO_REQUESTED:
      return { to, note: 'What is her GP practice?' };
    case S.APPOINTMENT_BOOKED:
      return { to, appointmentAt: new Date('2026-12-01T10:00:00Z'), appointmentPlace: 'Lakeside' };
    default:
      return { to };
  }
}

/**
 * The lifecycle as DESIGN.md and the brief describe it, written out independently of the table in
 * referral-transitions.ts: "from → to by side". INFO_REQUESTED is handled in its own test.
 */
const LEGAL = new Set([
  'SENT→ACKNOWLEDGED:RECIPIENT', 'SENT→ACCEPTED:RECIPIENT', 'ACKNOWLEDGED→ACCEPTED:RECIPIENT',
  'SENT→DECLINED:RECIPIENT', 'ACKNOWLEDGED→DECLINED:RECIPIENT',
  'SENT→INFO_REQUESTED:RECIPIENT', 'ACKNOWLEDGED→INFO_REQUESTED:RECIPIENT', 'ACCEPTED→INFO_REQUESTED:RECIPIENT',
  'ACCEPTED→CONTACTED:RECIPIENT', 'DID_NOT_ATTEND→CONTACTED:RECIPIENT',
  'ACCEPTED→APPOINTMENT_BOOKED:RECIPIENT', 'CONTACTED→APPOINTMENT_BOOKED:RECIPIENT',
  'DID_NOT_ATTEND→APPOINTMENT_BOOKED:RECIPIENT', 'ATTENDED→APPOINTMENT_BOOKED:RECIPIENT',
  'APPOINTMENT_BOOKED→ATTENDED:RECIPIENT', 'APPOINTMENT_BOOKED→DID_NOT_ATTEND:RECIPIENT',
  'CONTACTED→COMPLETED:RECIPIENT', 'ATTENDED→COMPLETED:RECIPIENT',
  ...['ACCEPTED', 'CONTACTED', 'APPOINTMENT_BOOKED', 'ATTENDED', 'DID_NOT_ATTEND'].map((from) => `${from}→CLOSED_UNMET:RECIPIENT`),
  ...['SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'CONTACTED', 'APPOINTMENT_BOOKED', 'ATTENDED', 'DID_NOT_ATTEND'].map(
    (from) => `${from}→CANCELLED:SENDER`,
  ),
]);

function outcome(from: S, side: ReferralSide, to: S): string {
  try {
    planTransition(from, null, side, worker, complete(to));
    return 'allowed';
  } catch (error) {
    return (error as HubError).extensions.code as string;
  }
}

describe('the referral state machine', () => {
  const pairs = ALL.filter((from) => from !== S.INFO_REQUESTED).flatMap((from) =>
    ALL.flatMap((to) => (['SENDER', 'RECIPIENT'] as const).map((side) => [from, to, side] as const)),
  );

  it.each(pairs)('%s → %s by the %s', (from, to, side) => {
    const result = outcome(from, side, to);
    if (LEGAL.has(`${from}→${to}:${side}`)) {
      expect(result).toBe('allowed');
    } else {
      expect(['TRANSITION_NOT_ALLOWED', 'TRANSITION_NOT_YOURS']).toContain(result);
    }
  });

  it('nothing follows a closed referral, whoever asks', () => {
    for (const from of [S.DECLINED, S.COMPLETED, S.CLOSED_UNMET, S.CANCELLED, S.REVOKED]) {
      for (const to of ALL) for (const side of ['SENDER', 'RECIPIENT'] as const) expect(outcome(from, side, to)).toBe('TRANSITION_NOT_ALLOWED');
    }
  });

  it('while information is awaited the sender answers (back to where it was) or cancels; the recipient may only decline', () => {
    const plan = (side: ReferralSide, request: TransitionRequest) => planTransition(S.INFO_REQUESTED, S.ACKNOWLEDGED, side, worker, request);
    expect(plan('SENDER', { to: S.ACKNOWLEDGED, note: 'She is not housebound.' })).toEqual({ type: 'INFO_PROVIDED', to: S.ACKNOWLEDGED });
    expect(() => plan('SENDER', { to: S.ACCEPTED, note: 'x' })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }) }));
    expect(() => plan('SENDER', { to: S.ACKNOWLEDGED })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'note' }) }));
    expect(plan('SENDER', { to: S.CANCELLED })).toEqual({ type: S.CANCELLED, to: S.CANCELLED });
    expect(plan('RECIPIENT', { to: S.DECLINED, reason: ClosureReason.RESIDENT_UNCONTACTABLE })).toEqual({ type: S.DECLINED, to: S.DECLINED });
    for (const to of [S.ACKNOWLEDGED, S.ACCEPTED, S.CONTACTED]) {
      expect(() => plan('RECIPIENT', { to })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }) }));
    }
  });

  it('refuses details that belong to another step, and missing ones, naming the field', () => {
    const field = (from: S, request: TransitionRequest) => {
      try {
        planTransition(from, null, 'RECIPIENT', worker, request);
        return undefined;
      } catch (error) {
        return (error as HubError).extensions.field;
      }
    };
    expect(field(S.SENT, { to: S.ACKNOWLEDGED, reason: ClosureReason.OTHER })).toBe('reason');
    expect(field(S.ACCEPTED, { to: S.CONTACTED, appointmentAt: new Date() })).toBe('appointmentAt');
    expect(field(S.ATTENDED, { to: S.APPOINTMENT_BOOKED, hasOutcome: true, appointmentAt: new Date(), appointmentByPhone: true })).toBe('outcome');
    expect(field(S.ACCEPTED, { to: S.APPOINTMENT_BOOKED })).toBe('appointmentAt');
    expect(field(S.ACCEPTED, { to: S.APPOINTMENT_BOOKED, appointmentAt: new Date() })).toBe('appointmentPlace');
    expect(field(S.ACCEPTED, { to: S.CLOSED_UNMET, reason: ClosureReason.OTHER })).toBe('note');
    expect(field(S.ACCEPTED, { to: S.CLOSED_UNMET, reason: ClosureReason.NO_SERVICE_EXISTS })).toBeUndefined();
  });

  it('only casework roles and integrators with referrals:write move referrals', () => {
    const by = (role: Role, scopes: string[] = []) => {
      try {
        planTransition(S.SENT, null, 'RECIPIENT', { role, scopes }, { to: S.ACKNOWLEDGED });
        return 'allowed';
      } catch (error) {
        return (error as HubError).extensions.code;
      }
    };
    expect([Role.LINK_WORKER, Role.VOLUNTEER, Role.SERVICE_ADMIN].map((role) => by(role))).toEqual(['allowed', 'allowed', 'allowed']);
    expect(by(Role.INTEGRATOR, ['referrals:write'])).toBe('allowed');
    expect(by(Role.INTEGRATOR, ['cases:write'])).toBe('TRANSITION_NOT_YOURS');
    expect(by(Role.COMMISSIONER)).toBe('TRANSITION_NOT_YOURS');
    expect(by(Role.IG_LEAD)).toBe('TRANSITION_NOT_YOURS');
  });
});
