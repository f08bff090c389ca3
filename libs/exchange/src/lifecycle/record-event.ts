import type { EntityManager } from 'typeorm';
import { AuditAction, type AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { Purpose } from '@hub/vocabulary';
import type { ReferralEntity } from '../referrals/referral.entity';
import { appendReferralEvent, type ReferralEventRecord, type ReferralEventSubject } from './referral-events';

/** The timeline event, its outbox row and the audit row, in the caller's transaction. */
export async function recordEvent(
  manager: EntityManager,
  audit: AuditLog,
  actor: Principal,
  row: ReferralEntity,
  event: ReferralEventRecord,
  /** The sending is audited as REFERRAL_SENT, with what was sent: one audit row, not two. */
  auditAs: { action: AuditAction; detail: Record<string, unknown> } = { action: AuditAction.REFERRAL_TRANSITIONED, detail: {} },
): Promise<void> {
  await appendReferralEvent(manager, event, await eventSubject(manager, row));
  await audit.append(manager, {
    actor,
    action: auditAs.action,
    caseId: row.caseId,
    subjectType: 'Referral',
    subjectId: row.id,
    purpose: Purpose.DIRECT_SUPPORT,
    agreementId: row.agreementId,
    consentId: row.consentId,
    detail: {
      ...auditAs.detail,
      event: event.id,
      type: event.type,
      from: event.fromStatus,
      to: event.toStatus,
      ...(event.reason ? { reason: event.reason } : {}),
    },
  });
}

/** The de-identified facts the outbox carries about the referral and its resident. */
export async function eventSubject(manager: EntityManager, row: ReferralEntity): Promise<ReferralEventSubject> {
  const [resident] = await manager.query(
    'SELECT borough_of_residence AS borough, date_of_birth::text AS dob FROM exchange.cases WHERE id = $1',
    [row.caseId],
  );
  return {
    senderOrg: row.senderOrg,
    recipientOrg: row.recipientOrg,
    serviceId: row.serviceId,
    needs: row.needs,
    sentAt: row.sentAt,
    residentBorough: resident?.borough ?? null,
    dateOfBirth: resident?.dob ?? null,
  };
}
