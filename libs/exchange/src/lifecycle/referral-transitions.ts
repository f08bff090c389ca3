import { HubError, HubErrorCode } from '@hub/platform';
import { ClosureReason, ReferralStatus as S, Role } from '@hub/vocabulary';

/** Which end of the referral the caller is. */
export type ReferralSide = 'SENDER' | 'RECIPIENT';

/** What a transition needs beyond its target status. */
export interface TransitionRequest {
  to: S;
  reason?: ClosureReason | null;
  note?: string | null;
  appointmentAt?: Date | null;
  appointmentPlace?: string | null;
  appointmentByPhone?: boolean | null;
  hasOutcome?: boolean;
}

interface TransitionRule {
  from: readonly S[];
  by: ReferralSide;
  /** Checks on the request beyond the state: the field a refusal names. */
  requires?: (request: TransitionRequest) => { field: string; message: string } | undefined;
}

const LIVE_BEFORE_ACCEPTANCE = [S.SENT, S.ACKNOWLEDGED, S.INFO_REQUESTED] as const;
const WORKING = [S.ACCEPTED, S.CONTACTED, S.APPOINTMENT_BOOKED, S.ATTENDED, S.DID_NOT_ATTEND] as const;

const needsReason = (request: TransitionRequest) =>
  !request.reason
    ? { field: 'reason', message: 'A reason from the ClosureReason vocabulary is required: commissioners count them.' }
    : request.reason === ClosureReason.OTHER && !request.note?.trim()
      ? { field: 'note', message: 'Reason OTHER needs a note saying what the reason was.' }
      : undefined;
const needsNote = (what: string) => (request: TransitionRequest) =>
  request.note?.trim() ? undefined : { field: 'note', message: `A note is required: ${what}.` };

/**
 * The lifecycle (DESIGN.md; FHIR Task statuses in docs/ARCHITECTURE.md): for each status, the
 * statuses it may follow and the side that may move it there. REVOKED is not here: only a consent
 * withdrawal revokes, never a caller.
 */
export const TRANSITIONS: Readonly<Partial<Record<S, TransitionRule>>> = {
  [S.ACKNOWLEDGED]: { from: [S.SENT], by: 'RECIPIENT' },
  [S.ACCEPTED]: { from: [S.SENT, S.ACKNOWLEDGED], by: 'RECIPIENT' },
  [S.DECLINED]: { from: LIVE_BEFORE_ACCEPTANCE, by: 'RECIPIENT', requires: needsReason },
  [S.INFO_REQUESTED]: { from: [S.SENT, S.ACKNOWLEDGED, S.ACCEPTED], by: 'RECIPIENT', requires: needsNote('what information is needed') },
  [S.CONTACTED]: { from: [S.ACCEPTED, S.DID_NOT_ATTEND], by: 'RECIPIENT' },
  [S.APPOINTMENT_BOOKED]: {
    from: [S.ACCEPTED, S.CONTACTED, S.DID_NOT_ATTEND, S.ATTENDED],
    by: 'RECIPIENT',
    requires: (request) =>
      !request.appointmentAt
        ? { field: 'appointmentAt', message: 'Booking an appointment needs appointmentAt.' }
        : !request.appointmentByPhone && !request.appointmentPlace?.trim()
          ? { field: 'appointmentPlace', message: 'Say where the appointment is, or set appointmentByPhone.' }
          : undefined,
  },
  [S.ATTENDED]: { from: [S.APPOINTMENT_BOOKED], by: 'RECIPIENT' },
  [S.DID_NOT_ATTEND]: { from: [S.APPOINTMENT_BOOKED], by: 'RECIPIENT' },
  [S.COMPLETED]: { from: [S.CONTACTED, S.ATTENDED], by: 'RECIPIENT' },
  [S.CLOSED_UNMET]: { from: WORKING, by: 'RECIPIENT', requires: needsReason },
  [S.CANCELLED]: { from: [...LIVE_BEFORE_ACCEPTANCE, ...WORKING], by: 'SENDER' },
};

/** Roles that work referrals; machine clients need the `referrals:write` scope. */
const CASEWORK_ROLES: readonly Role[] = [Role.LINK_WORKER, Role.SERVICE_ADMIN, Role.VOLUNTEER];

/** The sender answers a request for information by moving the referral back to where it was. */
function isAnswer(current: S, request: TransitionRequest, side: ReferralSide, resume: S | null): boolean {
  return current === S.INFO_REQUESTED && side === 'SENDER' && request.to === resume;
}

export interface PlannedTransition {
  /** The event type on the timeline: the target status, or INFO_PROVIDED for the sender's answer. */
  type: S | 'INFO_PROVIDED';
  to: S;
}

/**
 * Whether this caller may move a referral from `current` to `request.to`: a typed refusal if not.
 * Pure, so every legal and illegal pair is tested without a database.
 */
export function planTransition(
  current: S,
  resumeStatus: S | null,
  side: ReferralSide,
  principal: { role: Role; scopes: readonly string[] },
  request: TransitionRequest,
): PlannedTransition {
  const machine = principal.role === Role.INTEGRATOR && principal.scopes.includes('referrals:write');
  if (!CASEWORK_ROLES.includes(principal.role) && !machine) {
    throw new HubError(HubErrorCode.TRANSITION_NOT_YOURS, `A ${principal.role} may not move referrals.`, { role: principal.role });
  }
  if (isAnswer(current, request, side, resumeStatus)) {
    const missing = needsNote('the information the recipient asked for')(request);
    if (missing) throw new HubError(HubErrorCode.BAD_USER_INPUT, missing.message, { field: missing.field });
    return { type: 'INFO_PROVIDED', to: request.to };
  }
  const rule = TRANSITIONS[request.to];
  if (!rule || !rule.from.includes(current)) {
    throw new HubError(HubErrorCode.TRANSITION_NOT_ALLOWED, `A referral cannot move from ${current} to ${request.to}.`, {
      from: current,
      to: request.to,
      allowed: allowedFrom(current, side, resumeStatus),
    });
  }
  if (rule.by !== side) {
    throw new HubError(HubErrorCode.TRANSITION_NOT_YOURS, `Only the ${rule.by.toLowerCase()} may move a referral to ${request.to}.`, {
      to: request.to,
      side,
    });
  }
  // An information request is answered by the sender; the recipient may still decline meanwhile.
  if (current === S.INFO_REQUESTED && side === 'RECIPIENT' && request.to !== S.DECLINED) {
    throw new HubError(HubErrorCode.TRANSITION_NOT_ALLOWED, 'The referral waits for the sender to answer the request for information.', {
      from: current,
      to: request.to,
      allowed: allowedFrom(current, side, resumeStatus),
    });
  }
  const missing = rule.requires?.(request) ?? misplaced(request);
  if (missing) throw new HubError(HubErrorCode.BAD_USER_INPUT, missing.message, { field: missing.field });
  return { type: request.to, to: request.to };
}

/** Details that belong to another transition are refused rather than silently dropped. */
function misplaced(request: TransitionRequest): { field: string; message: string } | undefined {
  const { to } = request;
  if (request.reason && ![S.DECLINED, S.CLOSED_UNMET, S.CANCELLED].includes(to)) {
    return { field: 'reason', message: 'A reason belongs only to DECLINED, CLOSED_UNMET or CANCELLED.' };
  }
  const booking = request.appointmentAt || request.appointmentPlace || request.appointmentByPhone != null;
  if (booking && to !== S.APPOINTMENT_BOOKED) {
    return { field: 'appointmentAt', message: 'Appointment details belong only to APPOINTMENT_BOOKED.' };
  }
  if (request.hasOutcome && to !== S.COMPLETED) return { field: 'outcome', message: 'An outcome belongs only to COMPLETED.' };
  return undefined;
}

/** The statuses this side may move the referral to next: told to a caller whose move was refused. */
export function allowedFrom(current: S, side: ReferralSide, resumeStatus: S | null): S[] {
  if (current === S.INFO_REQUESTED) {
    return side === 'SENDER' ? [...(resumeStatus ? [resumeStatus] : []), S.CANCELLED] : [S.DECLINED];
  }
  return (Object.entries(TRANSITIONS) as [S, TransitionRule][])
    .filter(([, rule]) => rule.by === side && rule.from.includes(current))
    .map(([to]) => to);
}
