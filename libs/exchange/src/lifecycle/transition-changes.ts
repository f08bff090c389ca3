import { ReferralStatus as S } from '@hub/vocabulary';
import type { ReferralEntity } from '../referrals/referral.entity';
import type { RecordedOutcome } from './outcome';
import type { PlannedTransition, TransitionRequest } from './referral-transitions';
import { contactDeadline, resumedDeadline, type ServiceLevelSettings } from './service-levels';

type Changes = Partial<Pick<ReferralEntity,
  | 'status' | 'acceptedAt' | 'contactDueAt' | 'acknowledgeDueAt' | 'firstContactAt' | 'pausedAt' | 'resumeStatus'
  | 'appointmentAt' | 'appointmentPlace' | 'appointmentByPhone' | 'closureReason' | 'outcome' | 'closedAt'>>;

/** The columns a planned transition sets, including the service-level clocks it starts, stops or moves. */
export function transitionChanges(
  row: Pick<ReferralEntity, 'status' | 'firstContactAt' | 'pausedAt' | 'acknowledgeDueAt' | 'contactDueAt'>,
  plan: PlannedTransition,
  request: TransitionRequest,
  outcome: RecordedOutcome | null,
  now: Date,
  settings: ServiceLevelSettings,
): Changes {
  const changes: Changes = { status: plan.to };
  // Leaving a wait for information: the clocks move on by the time the recipient waited.
  if (row.pausedAt) {
    changes.pausedAt = null;
    changes.resumeStatus = null;
    changes.acknowledgeDueAt = resumedDeadline(row.acknowledgeDueAt, row.pausedAt, now);
    changes.contactDueAt = resumedDeadline(row.contactDueAt, row.pausedAt, now);
  }
  switch (plan.type) {
    case S.ACCEPTED:
      return { ...changes, acceptedAt: now, contactDueAt: contactDeadline(now, settings) };
    case S.INFO_REQUESTED:
      return { ...changes, pausedAt: now, resumeStatus: row.status };
    case S.CONTACTED:
      return { ...changes, firstContactAt: row.firstContactAt ?? now };
    case S.APPOINTMENT_BOOKED:
      return {
        ...changes,
        // Booking with the resident is contact with the resident.
        firstContactAt: row.firstContactAt ?? now,
        appointmentAt: request.appointmentAt ?? null,
        appointmentPlace: request.appointmentPlace?.trim() || null,
        appointmentByPhone: request.appointmentByPhone ?? false,
      };
    case S.DECLINED:
    case S.CLOSED_UNMET:
    case S.CANCELLED:
      return { ...changes, closureReason: request.reason ?? null, closedAt: now };
    case S.COMPLETED:
      return { ...changes, outcome, closedAt: now };
    default:
      return changes;
  }
}
