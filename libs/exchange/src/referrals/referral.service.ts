import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { OrganisationEntity } from '@hub/organisations';
import { HubError, HubErrorCode } from '@hub/platform';
import { Purpose, ReferralDirection, ReferralEventType, ReferralStatus } from '@hub/vocabulary';
import { londonToday } from '../agreements/agreement-status';
import { CaseEntity } from '../cases/case.entity';
import { caseNotVisible } from '../cases/case-reader';
import { chooseAgreement } from '../policy/access-decision';
import { caseAccessFor } from '../policy/case-access';
import { assertCan } from '../policy/hub-ability';
import { loadAgreementsBetween, loadPolicyFacts } from '../policy/policy-facts.loader';
import type { SendReferralInput } from './dto/send-referral.input';
import { ReferralEntity } from './referral.entity';
import { checkSendable } from './referral-sending';
import { type ReferralView, toReferralView } from './referral-view';
import { decodeCursor, encodeCursor } from './referral-cursor';
import { notifyOutboxWritten } from '../events/outbox-signal';
import { recordEvent } from '../lifecycle/record-event';
import { ReferralClock } from '../lifecycle/referral-clock';
import { newReferralEvent } from '../lifecycle/referral-events';
import { type EarlierReferral, earlierReferralsOfPerson, repeatsAmong } from '../lifecycle/repeat-referrals';
import { acknowledgeDeadline, overdueSql } from '../lifecycle/service-levels';

export interface ReferralPage {
  views: ReferralView[];
  hasNextPage: boolean;
}

@Injectable()
export class ReferralService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: ReferralClock,
  ) {}

  /** Sends a case to another organisation. A replay of the same idempotency key returns the same referral. */
  async send(principal: Principal, input: SendReferralInput): Promise<ReferralView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const owned = await manager.findOneBy(CaseEntity, { id: input.caseId });
      if (!owned || owned.ownerOrg !== principal.orgId) throw caseNotVisible(principal, input.caseId);
      assertCan(principal, 'send', 'Referral', { ownerOrg: owned.ownerOrg });
      const replay = await this.replayOf(manager, principal, input);
      if (replay) return replay;
      if (input.recipientId === principal.orgId) {
        throw new HubError(HubErrorCode.BAD_USER_INPUT, 'A case cannot be referred to its own organisation', { field: 'recipientId' });
      }
      if (!(await manager.existsBy(OrganisationEntity, { id: input.recipientId }))) {
        throw new HubError(HubErrorCode.BAD_USER_INPUT, `recipientId names no organisation of the hub`, { field: 'recipientId' });
      }
      const basis = await checkSendable(manager, principal, owned, input);
      const now = this.clock.now();
      if (!input.confirmRepeat) {
        const repeats = repeatsAmong(await earlierReferralsOfPerson(manager, owned.id, input.recipientId, null), input.needs, now);
        // A concurrent replay of this very send may have committed since the first look: it is the answer, not a repeat.
        if (repeats.length > 0) {
          const replay = await this.replayOf(manager, principal, input);
          if (replay) return replay;
          throw repeatRefusal(input, repeats);
        }
      }
      const id = randomUUID();
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO exchange.referrals (id, case_id, sender_org, recipient_org, needs, status, idempotency_key, created_by,
           agreement_id, consent_id, service_id, sent_at, acknowledge_due_at)
         VALUES ($1, $2, $3, $4, $5, 'SENT', $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (sender_org, idempotency_key) DO NOTHING RETURNING id`,
        [
          id, owned.id, principal.orgId, input.recipientId, input.needs, input.idempotencyKey, principal.userId,
          basis.agreementId, basis.consentId, input.serviceId?.toLowerCase() ?? null, now,
          acknowledgeDeadline(now, this.clock.settings, this.clock.calendar),
        ],
      );
      // Lost a race with a concurrent replay: that one's referral is the answer.
      if (inserted.length === 0) return (await this.replayOf(manager, principal, input)) as ReferralView;
      const row = await manager.findOneByOrFail(ReferralEntity, { id });
      const sent = newReferralEvent({
        referralId: id,
        type: ReferralEventType.SENT,
        fromStatus: null,
        toStatus: ReferralStatus.SENT,
        actor: principal,
        at: now,
        referralVersion: row.rowVersion,
      });
      await recordEvent(manager, this.audit, principal, row, sent, {
        action: AuditAction.REFERRAL_SENT,
        detail: { recipient: input.recipientId, needs: input.needs },
      });
      return (await this.views(manager, principal, [row]))[0];
    });
    // Committed: wake the relay now rather than at its next poll (a replay wrote nothing; the nudge costs nothing).
    notifyOutboxWritten();
    return view;
  }

  async page(
    principal: Principal,
    direction: ReferralDirection,
    statuses: ReferralStatus[] | undefined,
    first: number,
    after: string | undefined,
    needsAsked: boolean,
    overdue?: boolean,
  ): Promise<ReferralPage> {
    const query = this.dataSource
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .where(direction === ReferralDirection.INBOUND ? 'r.recipient_org = :org' : 'r.sender_org = :org', { org: principal.orgId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(first + 1);
    if (statuses?.length) query.andWhere('r.status IN (:...statuses)', { statuses });
    if (overdue !== undefined) {
      const rule = overdueSql('r', ':now');
      query.andWhere(overdue ? rule : `NOT ${rule}`, { now: this.clock.now() });
    }
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(r.created_at, r.id) < (:at, :id)', cursor);
    }
    const rows = await query.getMany();
    let views = await this.disclosed(principal, rows.slice(0, first), needsAsked);
    // A filter on status is itself a read of the status: a sender without feedback learns nothing from it.
    if (statuses?.length || overdue !== undefined) views = views.filter((view) => !view.feedback || view.feedback.allowed);
    return { views, hasNextPage: rows.length > first };
  }

  async byId(principal: Principal, id: string, needsAsked: boolean): Promise<ReferralView> {
    const row = await this.dataSource.manager.findOneBy(ReferralEntity, { id });
    if (!row || (row.senderOrg !== principal.orgId && row.recipientOrg !== principal.orgId)) {
      throw new HubError(HubErrorCode.REFERRAL_NOT_VISIBLE, 'No referral your organisation sent or received has this id.', { id });
    }
    return (await this.disclosed(principal, [row], needsAsked))[0];
  }

  /** Views for a recipient reveal the case's needs: that disclosure is audited with the read. */
  private async disclosed(principal: Principal, rows: ReferralEntity[], needsAsked: boolean): Promise<ReferralView[]> {
    const inbound = rows.filter((r) => r.recipientOrg === principal.orgId);
    if (!needsAsked || inbound.length === 0) return this.views(this.dataSource.manager, principal, rows);
    return this.dataSource.transaction(async (manager) => {
      const views = await this.views(manager, principal, rows);
      const entries = views
        .filter((v) => v.recipient.id === principal.orgId && v.caseAccess)
        .map((v) => {
          const decision = v.caseAccess!.decisionFor('needs');
          return {
            actor: principal,
            action: decision.allowed ? AuditAction.DISCLOSURE : AuditAction.ACCESS_REFUSED,
            caseId: v.caseId,
            subjectType: 'Referral',
            subjectId: v.id,
            purpose: Purpose.DIRECT_SUPPORT,
            agreementId: decision.agreementId,
            consentId: decision.consentId,
            fields: decision.allowed ? ['needs'] : [],
            withheld: decision.allowed ? [] : ['needs'],
            detail: { rule: decision.rule },
          };
        });
      if (entries.length) await this.audit.append(manager, ...entries);
      return views;
    });
  }

  /** Previous referrals of this referral's person to its recipient, for the recipient (or the sender's own). */
  async earlierReferrals(principal: Principal, view: ReferralView) {
    const earlier = await earlierReferralsOfPerson(this.dataSource.manager, view.caseId, view.recipient.id, view.id);
    return view.recipient.id === principal.orgId ? earlier : earlier.filter((r) => r.senderOrg === principal.orgId);
  }

  cursorOf(view: ReferralView): string {
    return encodeCursor(view.createdAt, view.id);
  }

  private async replayOf(manager: EntityManager, principal: Principal, input: SendReferralInput): Promise<ReferralView | undefined> {
    const existing = await manager.findOneBy(ReferralEntity, { senderOrg: principal.orgId, idempotencyKey: input.idempotencyKey });
    if (!existing) return undefined;
    if (existing.caseId !== input.caseId || existing.recipientOrg !== input.recipientId) {
      throw new HubError(HubErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used for a different referral.', {
        field: 'idempotencyKey',
      });
    }
    return (await this.views(manager, principal, [existing]))[0];
  }

  /** Views of rows read in the caller's transaction (the lifecycle's writes). */
  viewsWithin(manager: EntityManager, principal: Principal, rows: ReferralEntity[]): Promise<ReferralView[]> {
    return this.views(manager, principal, rows);
  }

  /** Views with the caller's access: its case access (for `needs`) and, as sender, its right to feedback. */
  private async views(manager: EntityManager, principal: Principal, rows: ReferralEntity[]): Promise<ReferralView[]> {
    if (rows.length === 0) return [];
    const organisations = new Map((await manager.findBy(OrganisationEntity, {})).map((o) => [o.id, o]));
    const today = londonToday();
    const { facts } = await loadPolicyFacts(manager, principal.orgId, rows.map((r) => r.caseId));
    const access = caseAccessFor(principal, facts, today);
    const recipients = [...new Set(rows.filter((r) => r.senderOrg === principal.orgId).map((r) => r.recipientOrg))];
    const agreements = await loadAgreementsBetween(manager, principal.orgId, recipients);
    return rows.map((row) =>
      toReferralView(
        row,
        organisations,
        access.get(row.caseId),
        row.senderOrg === principal.orgId
          ? chooseAgreement(agreements, row.senderOrg, row.recipientOrg, undefined, Purpose.REFERRER_FEEDBACK, today)
          : undefined,
      ),
    );
  }
}

/** The sender is told, before anything is written, that the recipient may already be working on this. */
function repeatRefusal(input: SendReferralInput, repeats: EarlierReferral[]): HubError {
  const shared = [...new Set(repeats.flatMap((r) => r.needs.filter((need) => input.needs.includes(need))))];
  return new HubError(
    HubErrorCode.POSSIBLE_DUPLICATE_REFERRAL,
    `${input.recipientId} already has ${repeats.length} live or recent referral(s) of this person for ${shared.join(', ')}. Send again with confirmRepeat: true if this one is still needed.`,
    { field: 'confirmRepeat', matches: repeats.length, needs: shared },
  );
}
