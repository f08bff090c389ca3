import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditAction, AuditLog, type AuditRecord, trailForCase } from '@hub/audit';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { CaseEntity } from '../cases/case.entity';
import { caseNotVisible } from '../cases/case-reader';
import { requireUuid } from '../ids';
import { assertCan } from '../policy/hub-ability';
import { AuditEntryModel } from './audit-entry.model';

@Resolver(() => AuditEntryModel)
export class AuditTrailResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Who saw what of a case: for the owner's staff and IG lead. Looking is itself recorded. */
  @Query(() => [AuditEntryModel])
  async auditTrail(
    @CurrentPrincipal() principal: Principal,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<AuditEntryModel[]> {
    const id = requireUuid(caseId, 'caseId');
    return this.dataSource.transaction(async (manager) => {
      const owned = await manager.findOneBy(CaseEntity, { id });
      if (!owned || owned.ownerOrg !== principal.orgId) throw caseNotVisible(principal, id);
      assertCan(principal, 'viewAudit', 'AuditTrail', { ownerOrg: owned.ownerOrg });
      const trail = (await trailForCase(manager, id)).map(toAuditEntry);
      await this.audit.append(manager, {
        actor: principal,
        action: AuditAction.AUDIT_TRAIL_VIEWED,
        caseId: id,
        subjectType: 'Case',
        subjectId: id,
      });
      return trail;
    });
  }
}

function toAuditEntry(record: AuditRecord): AuditEntryModel {
  return {
    seq: String(record.seq),
    recordedAt: record.recordedAt,
    actorOrganisationId: record.actor.orgId,
    actorUserId: record.actor.userId,
    actorRole: record.actor.role,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    purpose: record.purpose,
    agreementId: record.agreementId,
    consentId: record.consentId,
    fields: record.fields,
    withheld: record.withheld,
    detail: record.detail,
    hash: record.hash,
  };
}
