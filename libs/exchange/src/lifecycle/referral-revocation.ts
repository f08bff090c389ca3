import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { LIVE_REFERRAL_STATUSES, ReferralEventType, ReferralStatus } from '@hub/vocabulary';
import { ReferralEntity } from '../referrals/referral.entity';
import { newReferralEvent } from './referral-events';
import { recordEvent } from './record-event';

/**
 * A withdrawn consent revokes every live referral of the case, in the withdrawal's transaction: the
 * recipient and subscribers hear REVOKED, and nothing more about the referral follows.
 */
export async function revokeLiveReferrals(
  manager: EntityManager,
  audit: AuditLog,
  actor: Principal,
  caseId: string,
  now: Date,
): Promise<number> {
  const live = await manager.find(ReferralEntity, {
    where: { caseId, status: In([...LIVE_REFERRAL_STATUSES]) },
    order: { createdAt: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
  for (const row of live) {
    await manager.update(ReferralEntity, { id: row.id }, {
      status: ReferralStatus.REVOKED,
      closedAt: now,
      pausedAt: null,
      resumeStatus: null,
      rowVersion: row.rowVersion + 1,
    });
    const event = newReferralEvent({
      referralId: row.id,
      type: ReferralEventType.REVOKED,
      fromStatus: row.status,
      toStatus: ReferralStatus.REVOKED,
      actor,
      at: now,
      referralVersion: row.rowVersion + 1,
    });
    await recordEvent(manager, audit, actor, row, event);
  }
  return live.length;
}
