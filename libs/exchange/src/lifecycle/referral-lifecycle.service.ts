import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { type ReferralEventType, ReferralStatus } from '@hub/vocabulary';
import { ReferralEntity } from '../referrals/referral.entity';
import { ReferralService } from '../referrals/referral.service';
import type { ReferralView } from '../referrals/referral-view';
import type { TransitionReferralInput } from './dto/transition-referral.input';
import { recordOutcome } from './outcome';
import { notifyOutboxWritten } from '../events/outbox-signal';
import { recordEvent } from './record-event';
import { newReferralEvent } from './referral-events';
import { ReferralClock } from './referral-clock';
import { planTransition, type ReferralSide } from './referral-transitions';
import { transitionChanges } from './transition-changes';

/**
 * Moves referrals along the lifecycle. Each move is checked against the state machine, written with
 * optimistic versioning (two concurrent moves cannot both win), and stored with its timeline event,
 * outbox row and audit row in one transaction.
 */
@Injectable()
export class ReferralLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: ReferralClock,
    private readonly referrals: ReferralService,
  ) {}

  async transition(principal: Principal, input: TransitionReferralInput): Promise<ReferralView> {
    const now = this.clock.now();
    const moved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy(ReferralEntity, { id: input.id });
      if (!row || (row.senderOrg !== principal.orgId && row.recipientOrg !== principal.orgId)) {
        throw new HubError(HubErrorCode.REFERRAL_NOT_VISIBLE, 'No referral your organisation sent or received has this id.', { id: input.id });
      }
      if (input.expectedVersion !== undefined && input.expectedVersion !== row.rowVersion) throw versionConflict(row);
      const side: ReferralSide = row.senderOrg === principal.orgId ? 'SENDER' : 'RECIPIENT';
      const request = { ...input, hasOutcome: input.outcome !== undefined && input.outcome !== null };
      const plan = planTransition(row.status, row.resumeStatus, side, principal, request);
      const outcome = input.outcome ? recordOutcome(input.outcome) : null;
      const changes = transitionChanges(row, plan, request, outcome, now, this.clock.settings);
      const updated = await manager
        .createQueryBuilder()
        .update(ReferralEntity)
        .set(changes)
        .where('id = :id AND row_version = :version', { id: row.id, version: row.rowVersion })
        .execute();
      if (updated.affected !== 1) throw versionConflict(row);
      const event = newReferralEvent({
        referralId: row.id,
        type: plan.type as ReferralEventType,
        fromStatus: row.status,
        toStatus: plan.to,
        actor: principal,
        at: now,
        reason: input.reason ?? null,
        note: input.note?.trim() || null,
        appointmentAt: changes.appointmentAt ?? null,
        appointmentPlace: changes.appointmentPlace ?? null,
        appointmentByPhone: plan.to === ReferralStatus.APPOINTMENT_BOOKED ? (changes.appointmentByPhone ?? false) : null,
        outcome,
        referralVersion: row.rowVersion + 1,
      });
      await recordEvent(manager, this.audit, principal, row, event);
      const after = await manager.findOneByOrFail(ReferralEntity, { id: row.id });
      return (await this.referrals.viewsWithin(manager, principal, [after]))[0];
    });
    notifyOutboxWritten();
    return moved;
  }
}

function versionConflict(row: ReferralEntity): HubError {
  return new HubError(HubErrorCode.VERSION_CONFLICT, 'The referral changed since you read it: read it again and decide.', {
    id: row.id,
    currentVersion: row.rowVersion,
  });
}
