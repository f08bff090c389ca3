import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AuditAction, AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { OrganisationEntity } from '@hub/organisations';
import { HubError, HubErrorCode } from '@hub/platform';
import { londonToday } from '../agreements/agreement-status';
import { CaseEntity } from '../cases/case.entity';
import { caseNotVisible } from '../cases/case-reader';
import { notifyOutboxWritten } from '../events/outbox-signal';
import { ReferralClock } from '../lifecycle/referral-clock';
import { revokeLiveReferrals } from '../lifecycle/referral-revocation';
import { assertCan } from '../policy/hub-ability';
import { ConsentEntity } from './consent.entity';
import type { ConsentModel } from './consent.model';
import { toConsentView } from './consent-view';
import type { RecordConsentInput } from './dto/record-consent.input';

/**
 * Consents are recorded by the case owner. The latest consent of a case is the one in force; a
 * withdrawal stops every disclosure from the next request, because the policy reads it every time.
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: ReferralClock,
  ) {}

  async record(principal: Principal, input: RecordConsentInput): Promise<ConsentModel> {
    return this.dataSource.transaction(async (manager) => {
      await this.ownedCase(manager, principal, input.caseId, 'record');
      await this.checkRecipients(manager, input, principal.orgId);
      const validFrom = input.validFrom ?? londonToday(input.givenAt);
      if (input.validUntil && input.validUntil < validFrom) {
        throw new HubError(HubErrorCode.BAD_USER_INPUT, 'validUntil must not be before validFrom', { field: 'validUntil' });
      }
      if (input.givenAt.getTime() > Date.now() + 60_000) {
        throw new HubError(HubErrorCode.BAD_USER_INPUT, 'givenAt must not be in the future', { field: 'givenAt' });
      }
      const id = randomUUID();
      const preferences = input.contactPreferences;
      await manager.insert(ConsentEntity, {
        id,
        caseId: input.caseId,
        recordedByOrg: principal.orgId,
        recordedByUser: principal.userId,
        recordedAt: new Date(),
        givenBy: input.givenBy.trim(),
        method: input.method,
        givenAt: input.givenAt,
        venue: input.venue ?? null,
        recipients: input.recipients,
        partnership: input.partnership,
        purposes: input.purposes,
        categories: input.categories,
        validFrom,
        validUntil: input.validUntil ?? null,
        canWriteToAddress: preferences.canWriteToAddress,
        canLeaveMessage: preferences.canLeaveMessage,
        canContactForFeedback: preferences.canContactForFeedback,
      });
      // The resident's latest word on how to be contacted is the case's.
      await manager.update(
        CaseEntity,
        { id: input.caseId },
        {
          canWriteToAddress: preferences.canWriteToAddress,
          canLeaveMessage: preferences.canLeaveMessage,
          canContactForFeedback: preferences.canContactForFeedback,
          ...(preferences.preferredChannel ? { preferredChannel: preferences.preferredChannel } : {}),
        },
      );
      await this.audit.append(manager, {
        actor: principal,
        action: AuditAction.CONSENT_RECORDED,
        caseId: input.caseId,
        subjectType: 'Consent',
        subjectId: id,
        consentId: id,
        detail: { recipients: input.recipients, partnership: input.partnership, purposes: input.purposes, categories: input.categories },
      });
      return toConsentView(await manager.findOneByOrFail(ConsentEntity, { id }), londonToday(), true);
    });
  }

  async withdraw(principal: Principal, id: string, reason: string | undefined): Promise<ConsentModel> {
    const withdrawn = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy(ConsentEntity, { id });
      if (!row) throw consentNotVisible(id);
      await this.ownedCase(manager, principal, row.caseId, 'withdraw', id);
      if (row.withdrawnAt) throw new HubError(HubErrorCode.STATE_CONFLICT, 'This consent was already withdrawn.', { id });
      await manager.update(ConsentEntity, { id }, { withdrawnAt: new Date(), withdrawnBy: principal.userId, withdrawalReason: reason?.trim() ?? null });
      await this.audit.append(manager, {
        actor: principal,
        action: AuditAction.CONSENT_WITHDRAWN,
        caseId: row.caseId,
        subjectType: 'Consent',
        subjectId: id,
        consentId: id,
        detail: reason ? { reason: reason.trim() } : {},
      });
      const latest = await this.latestId(manager, row.caseId);
      // The consent in force is gone: every live referral of the case ends now, and says so.
      if (latest === id) await revokeLiveReferrals(manager, this.audit, principal, row.caseId, this.clock.now());
      return toConsentView(await manager.findOneByOrFail(ConsentEntity, { id }), londonToday(), latest === id);
    });
    notifyOutboxWritten();
    return withdrawn;
  }

  /** Every consent of a case the caller's organisation owns, newest first. */
  async forCase(principal: Principal, caseId: string): Promise<ConsentModel[]> {
    const owned = await this.dataSource.manager.findOneBy(CaseEntity, { id: caseId, ownerOrg: principal.orgId });
    if (!owned) throw caseNotVisible(principal, caseId);
    const rows = await this.dataSource.manager.find(ConsentEntity, { where: { caseId }, order: { seq: 'DESC' } });
    const today = londonToday();
    return rows.map((row, index) => toConsentView(row, today, index === 0));
  }

  private async ownedCase(manager: EntityManager, principal: Principal, caseId: string, action: 'record' | 'withdraw', consentId?: string) {
    const row = await manager.findOneBy(CaseEntity, { id: caseId });
    if (!row || row.ownerOrg !== principal.orgId) throw consentId ? consentNotVisible(consentId) : caseNotVisible(principal, caseId);
    assertCan(principal, action, 'Consent', { ownerOrg: row.ownerOrg });
    return row;
  }

  private async checkRecipients(manager: EntityManager, input: RecordConsentInput, owner: string): Promise<void> {
    if (!input.partnership && input.recipients.length === 0) {
      throw new HubError(HubErrorCode.BAD_USER_INPUT, 'Name at least one recipient, or the partnership', { field: 'recipients' });
    }
    const known = await manager.findBy(OrganisationEntity, { id: In(input.recipients) });
    const unknown = input.recipients.filter((r) => !known.some((k) => k.id === r) || r === owner);
    if (unknown.length) {
      throw new HubError(HubErrorCode.BAD_USER_INPUT, `recipients must be other organisations of the hub: ${unknown.join(', ')}`, {
        field: 'recipients',
      });
    }
  }

  private async latestId(manager: EntityManager, caseId: string): Promise<string> {
    const [row] = await manager.query('SELECT id FROM exchange.consents WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [caseId]);
    return row.id;
  }
}

function consentNotVisible(id: string): HubError {
  return new HubError(HubErrorCode.CONSENT_NOT_VISIBLE, 'No consent your organisation recorded has this id.', { id });
}
