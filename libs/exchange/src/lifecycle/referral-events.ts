import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@hub/identity';
import type { Borough, ClosureReason, NeedCategory, ReferralEventType, ReferralStatus } from '@hub/vocabulary';
import type { RecordedOutcome } from './outcome';

/** The outbox topic of referral events. */
export const REFERRAL_EVENT_TOPIC = 'referral.event';

/** One entry of a referral's timeline, as stored. */
export interface ReferralEventRecord {
  id: string;
  referralId: string;
  type: ReferralEventType;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  actor: Pick<Principal, 'orgId' | 'userId' | 'role'>;
  at: Date;
  reason: ClosureReason | null;
  note: string | null;
  appointmentAt: Date | null;
  appointmentPlace: string | null;
  appointmentByPhone: boolean | null;
  outcome: RecordedOutcome | null;
  referralVersion: number;
}

/** What the outbox carries about the referral: no name, contact, date of birth or free text. */
export interface ReferralEventSubject {
  senderOrg: string;
  recipientOrg: string;
  serviceId: string | null;
  needs: NeedCategory[];
  sentAt: Date;
  residentBorough: Borough | null;
  dateOfBirth: string | null;
}

/**
 * The de-identified message the relay publishes: what subscribers are woken for and what insights
 * counts. Age goes as a band and the free-text note stays behind.
 */
export interface ReferralEventPayload {
  eventId: string;
  referralId: string;
  type: ReferralEventType;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  at: string;
  actorOrg: string;
  senderOrg: string;
  recipientOrg: string;
  serviceId: string | null;
  needs: NeedCategory[];
  sentAt: string;
  reason: ClosureReason | null;
  outcome: RecordedOutcome | null;
  residentBorough: Borough | null;
  ageBand: string | null;
  referralVersion: number;
}

export function newReferralEvent(
  fields: Omit<ReferralEventRecord, 'id' | 'reason' | 'note' | 'appointmentAt' | 'appointmentPlace' | 'appointmentByPhone' | 'outcome'> &
    Partial<ReferralEventRecord>,
): ReferralEventRecord {
  return {
    id: randomUUID(),
    reason: null,
    note: null,
    appointmentAt: null,
    appointmentPlace: null,
    appointmentByPhone: null,
    outcome: null,
    ...fields,
  };
}

/**
 * Stores the timeline entry and its outbox row in the caller's transaction: the event exists if and
 * only if the change it announces committed, and the relay cannot miss it.
 */
export async function appendReferralEvent(
  manager: EntityManager,
  event: ReferralEventRecord,
  subject: ReferralEventSubject,
): Promise<void> {
  await manager.query(
    `INSERT INTO exchange.referral_events (id, referral_id, type, from_status, to_status, actor_org, actor_user, actor_role,
       at, reason, note, appointment_at, appointment_place, appointment_by_phone, outcome, referral_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16)`,
    [
      event.id, event.referralId, event.type, event.fromStatus, event.toStatus, event.actor.orgId, event.actor.userId,
      event.actor.role, event.at, event.reason, event.note, event.appointmentAt, event.appointmentPlace,
      event.appointmentByPhone, event.outcome === null ? null : JSON.stringify(event.outcome), event.referralVersion,
    ],
  );
  const payload: ReferralEventPayload = {
    eventId: event.id,
    referralId: event.referralId,
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    at: event.at.toISOString(),
    actorOrg: event.actor.orgId,
    senderOrg: subject.senderOrg,
    recipientOrg: subject.recipientOrg,
    serviceId: subject.serviceId,
    needs: subject.needs,
    sentAt: subject.sentAt.toISOString(),
    reason: event.reason,
    outcome: event.outcome,
    residentBorough: subject.residentBorough,
    ageBand: ageBand(subject.dateOfBirth, event.at),
    referralVersion: event.referralVersion,
  };
  await manager.query(
    `INSERT INTO exchange.outbox (topic, aggregate_id, event_id, payload) VALUES ($1, $2, $3, $4::jsonb)`,
    [REFERRAL_EVENT_TOPIC, event.referralId, event.id, JSON.stringify(payload)],
  );
}

const AGE_BANDS: readonly [number, string][] = [
  [18, '0-17'], [25, '18-24'], [35, '25-34'], [45, '35-44'], [55, '45-54'], [65, '55-64'], [75, '65-74'],
];

/** The resident's age band on the day of the event, or null when the date of birth is unknown. */
export function ageBand(dateOfBirth: string | null, at: Date): string | null {
  if (!dateOfBirth) return null;
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  const today = at.toISOString().slice(0, 10).split('-').map(Number);
  const age = today[0] - year - (today[1] < month || (today[1] === month && today[2] < day) ? 1 : 0);
  return AGE_BANDS.find(([below]) => age < below)?.[1] ?? '75+';
}
