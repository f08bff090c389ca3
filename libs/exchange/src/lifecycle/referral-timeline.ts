import type { EntityManager } from 'typeorm';
import type { OrganisationEntity } from '@hub/organisations';
import type { ClosureReason, ReferralEventType, ReferralStatus, Role } from '@hub/vocabulary';
import type { RecordedOutcome } from './outcome';
import type { ReferralEventRecord } from './referral-events';
import type { ReferralSide } from './referral-transitions';

/** Who reads a timeline entry, and what the case policy lets it read of the other side's notes. */
export interface TimelineViewer {
  orgId: string;
  side: ReferralSide;
  /** The recipient reads the sender's notes only where its case access covers NOTES. */
  notesReadable: boolean;
}

/** A timeline entry as GraphQL resolves it: the plain fields, and the record and viewer for the guarded ones. */
export interface ReferralEventView {
  id: string;
  referralId: string;
  cursor: string | null;
  type: ReferralEventType;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  at: Date;
  actor: OrganisationEntity;
  reason: ClosureReason | null;
  referralVersion: number;
  record: ReferralEventRecord;
  viewer: TimelineViewer;
}

export function toEventView(
  record: ReferralEventRecord,
  cursor: string | null,
  viewer: TimelineViewer,
  organisations: Map<string, OrganisationEntity>,
): ReferralEventView {
  const { id, referralId, type, fromStatus, toStatus, at, reason, referralVersion } = record;
  const actor = organisations.get(record.actor.orgId) as OrganisationEntity;
  return { id, referralId, cursor, type, fromStatus, toStatus, at, actor, reason, referralVersion, record, viewer };
}

type EventRow = Record<string, unknown> & { delivery_seq: string | null };

export const EVENT_COLUMNS = `e.id, e.referral_id, e.type, e.from_status, e.to_status, e.actor_org, e.actor_user, e.actor_role,
  e.at, e.reason, e.note, e.appointment_at, e.appointment_place, e.appointment_by_phone, e.outcome, e.referral_version,
  o.delivery_seq::text AS delivery_seq`;

/** Every event of a referral, oldest first, with the delivery cursor the relay gave it (if yet). */
export async function loadTimeline(manager: EntityManager, referralId: string): Promise<{ record: ReferralEventRecord; cursor: string | null }[]> {
  const rows: EventRow[] = await manager.query(
    `SELECT ${EVENT_COLUMNS} FROM exchange.referral_events e LEFT JOIN exchange.outbox o ON o.event_id = e.id
     WHERE e.referral_id = $1 ORDER BY e.seq`,
    [referralId],
  );
  return rows.map((row) => ({ record: eventRecordOf(row), cursor: row.delivery_seq }));
}

export function eventRecordOf(row: Record<string, unknown>): ReferralEventRecord {
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));
  const outcome = row.outcome;
  return {
    id: row.id as string,
    referralId: row.referral_id as string,
    type: row.type as ReferralEventType,
    fromStatus: (row.from_status as ReferralStatus | null) ?? null,
    toStatus: row.to_status as ReferralStatus,
    actor: { orgId: row.actor_org as string, userId: row.actor_user as string, role: row.actor_role as Role },
    at: date(row.at) as Date,
    reason: (row.reason as ClosureReason | null) ?? null,
    note: (row.note as string | null) ?? null,
    appointmentAt: date(row.appointment_at),
    appointmentPlace: (row.appointment_place as string | null) ?? null,
    appointmentByPhone: (row.appointment_by_phone as boolean | null) ?? null,
    outcome: typeof outcome === 'string' ? (JSON.parse(outcome) as RecordedOutcome) : ((outcome as RecordedOutcome | null) ?? null),
    referralVersion: Number(row.referral_version),
  };
}
