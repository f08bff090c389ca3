import { type WorkingCalendar, workingDayDeadline } from '@hub/calendar';
import { registerEnumType } from '@nestjs/graphql';
import { ReferralStatus } from '@hub/vocabulary';

/** Why a referral is overdue: each is flagged to both sides. */
export enum OverdueReason {
  /** Still SENT after the configured working days. */
  NOT_ACKNOWLEDGED = 'NOT_ACKNOWLEDGED',
  /** ACCEPTED, with no contact recorded, the configured days after acceptance. */
  NO_CONTACT = 'NO_CONTACT',
}
registerEnumType(OverdueReason, { name: 'OverdueReason' });

export interface ServiceLevelSettings {
  acknowledgeWorkingDays: number;
  contactDays: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** The deadlines are stored on the referral when its clock starts, so "overdue" needs no job. */
export function acknowledgeDeadline(sentAt: Date, settings: ServiceLevelSettings, calendar: WorkingCalendar): Date {
  return workingDayDeadline(sentAt, settings.acknowledgeWorkingDays, calendar);
}

export function contactDeadline(acceptedAt: Date, settings: ServiceLevelSettings): Date {
  return new Date(acceptedAt.getTime() + settings.contactDays * DAY_MS);
}

export interface ServiceLevelClocks {
  status: ReferralStatus;
  acknowledgeDueAt: Date | null;
  contactDueAt: Date | null;
}

export function overdueReasons(clocks: ServiceLevelClocks, now: Date): OverdueReason[] {
  const passed = (due: Date | null) => due !== null && due.getTime() <= now.getTime();
  if (clocks.status === ReferralStatus.SENT && passed(clocks.acknowledgeDueAt)) return [OverdueReason.NOT_ACKNOWLEDGED];
  if (clocks.status === ReferralStatus.ACCEPTED && passed(clocks.contactDueAt)) return [OverdueReason.NO_CONTACT];
  return [];
}

/** The same rule as `overdueReasons`, in SQL, for the `overdue` filter (`now` is a parameter). */
export function overdueSql(alias: string, nowParameter: string): string {
  return `((${alias}.status = 'SENT' AND ${alias}.acknowledge_due_at <= ${nowParameter})
    OR (${alias}.status = 'ACCEPTED' AND ${alias}.contact_due_at <= ${nowParameter}))`;
}

/** While the recipient waits for information the clocks stop; answering moves them on by the wait. */
export function resumedDeadline(due: Date | null, pausedAt: Date, now: Date): Date | null {
  return due === null ? null : new Date(due.getTime() + Math.max(0, now.getTime() - pausedAt.getTime()));
}
