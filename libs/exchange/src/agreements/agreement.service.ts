import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { OrganisationEntity } from '@hub/organisations';
import { HubError, HubErrorCode } from '@hub/platform';
import { AgreementStatus } from '@hub/vocabulary';
import { assertCan } from '../policy/hub-ability';
import { AgreementEntity } from './agreement.entity';
import type { DataSharingAgreement } from './agreement.model';
import { AgreementSignatureEntity } from './agreement-signature.entity';
import { agreementStatusOn, londonToday } from './agreement-status';
import { toAgreementView } from './agreement-view';
import type { ProposeAgreementInput } from './dto/propose-agreement.input';
import { checkProposal } from './proposal-rules';

@Injectable()
export class AgreementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** The agreements the caller's organisation is party to. */
  async list(principal: Principal, status?: AgreementStatus): Promise<DataSharingAgreement[]> {
    const rows = await this.dataSource
      .getRepository(AgreementEntity)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.signatures', 's')
      .where(':org = ANY(a.parties)', { org: principal.orgId })
      .orderBy('a.created_at', 'DESC')
      .getMany();
    const views = await this.views(this.dataSource.manager, rows);
    return status ? views.filter((v) => v.status === status) : views;
  }

  async propose(principal: Principal, input: ProposeAgreementInput): Promise<DataSharingAgreement> {
    assertCan(principal, 'propose', 'Agreement', { parties: input.parties });
    return this.dataSource.transaction(async (manager) => {
      const known = await manager.findBy(OrganisationEntity, {});
      const previous = input.supersedes ? await manager.findOneBy(AgreementEntity, { id: input.supersedes }) : null;
      checkProposal(input, new Set(known.map((o) => o.id)), previous, principal.orgId, londonToday());
      const id = randomUUID();
      await manager.insert(AgreementEntity, {
        id,
        lineageId: previous?.lineageId ?? id,
        version: previous ? (await this.latestVersion(manager, previous.lineageId)) + 1 : 1,
        title: input.title,
        parties: input.parties,
        purposes: input.purposes,
        receives: Object.fromEntries(input.receives.map((g) => [g.organisationId, g.categories])),
        lawfulBasis: input.lawfulBasis,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        reviewOn: input.reviewOn,
        proposedByOrg: principal.orgId,
        proposedByUser: principal.userId,
        supersedes: previous?.id ?? null,
      });
      await this.audit.append(manager, {
        actor: principal,
        action: AuditAction.AGREEMENT_PROPOSED,
        subjectType: 'DataSharingAgreement',
        subjectId: id,
        agreementId: id,
        detail: { parties: input.parties, purposes: input.purposes },
      });
      return this.viewOf(manager, id);
    });
  }

  /** ACTIVE once every party's admin has signed and the start date has come. */
  async sign(principal: Principal, id: string): Promise<DataSharingAgreement> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockVisible(manager, principal, id);
      assertCan(principal, 'sign', 'Agreement', { parties: row.parties });
      const status = agreementStatusOn(row, londonToday());
      if (status !== AgreementStatus.DRAFT) throw conflict(`An agreement that is ${status} cannot be signed.`, status);
      if (row.signatures.some((s) => s.party === principal.orgId)) {
        throw conflict(`${principal.orgId} has already signed this agreement.`, status);
      }
      await manager.insert(AgreementSignatureEntity, {
        agreementId: id,
        party: principal.orgId,
        signedBy: principal.userId,
        signedRole: principal.role,
        signedAt: new Date(),
      });
      if (row.signatures.length + 1 === row.parties.length) {
        await manager.update(AgreementEntity, { id }, { fullySignedAt: new Date() });
        // The old version stands until the new one starts; history of what it allowed stays with it.
        if (row.supersedes) await manager.update(AgreementEntity, { id: row.supersedes }, { supersededFrom: row.startsOn });
      }
      await this.audit.append(manager, {
        actor: principal,
        action: AuditAction.AGREEMENT_SIGNED,
        subjectType: 'DataSharingAgreement',
        subjectId: id,
        agreementId: id,
      });
      return this.viewOf(manager, id);
    });
  }

  suspend(principal: Principal, id: string, reason: string): Promise<DataSharingAgreement> {
    return this.close(principal, id, reason, 'suspend', [AgreementStatus.ACTIVE, AgreementStatus.SIGNED]);
  }

  terminate(principal: Principal, id: string, reason: string): Promise<DataSharingAgreement> {
    return this.close(principal, id, reason, 'terminate', [
      AgreementStatus.DRAFT,
      AgreementStatus.SIGNED,
      AgreementStatus.ACTIVE,
      AgreementStatus.SUSPENDED,
      AgreementStatus.EXPIRED,
    ]);
  }

  private async close(
    principal: Principal,
    id: string,
    reason: string,
    action: 'suspend' | 'terminate',
    from: AgreementStatus[],
  ): Promise<DataSharingAgreement> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockVisible(manager, principal, id);
      assertCan(principal, action, 'Agreement', { parties: row.parties });
      const status = agreementStatusOn(row, londonToday());
      if (!from.includes(status)) throw conflict(`An agreement that is ${status} cannot be ${action}ed.`, status);
      const stamp = action === 'suspend' ? { suspendedAt: new Date() } : { terminatedAt: new Date() };
      await manager.update(AgreementEntity, { id }, { ...stamp, statusReason: reason.trim() });
      await this.audit.append(manager, {
        actor: principal,
        action: action === 'suspend' ? AuditAction.AGREEMENT_SUSPENDED : AuditAction.AGREEMENT_TERMINATED,
        subjectType: 'DataSharingAgreement',
        subjectId: id,
        agreementId: id,
        detail: { reason: reason.trim() },
      });
      return this.viewOf(manager, id);
    });
  }

  /** Locks the row for this transaction; an agreement the caller is not party to does not exist for it. */
  private async lockVisible(manager: EntityManager, principal: Principal, id: string): Promise<AgreementEntity> {
    const locked = await manager.query('SELECT id FROM exchange.agreements WHERE id = $1 AND $2 = ANY(parties) FOR UPDATE', [
      id,
      principal.orgId,
    ]);
    if (locked.length === 0) {
      throw new HubError(HubErrorCode.AGREEMENT_NOT_VISIBLE, 'No agreement your organisation is party to has this id.', { id });
    }
    return manager.findOneOrFail(AgreementEntity, { where: { id }, relations: { signatures: true } });
  }

  private async latestVersion(manager: EntityManager, lineageId: string): Promise<number> {
    const [{ version }] = await manager.query('SELECT max(version)::int AS version FROM exchange.agreements WHERE lineage_id = $1', [
      lineageId,
    ]);
    return version;
  }

  private async viewOf(manager: EntityManager, id: string): Promise<DataSharingAgreement> {
    const row = await manager.findOneOrFail(AgreementEntity, { where: { id }, relations: { signatures: true } });
    return (await this.views(manager, [row]))[0];
  }

  private async views(manager: EntityManager, rows: AgreementEntity[]): Promise<DataSharingAgreement[]> {
    const organisations = new Map((await manager.findBy(OrganisationEntity, {})).map((o) => [o.id, o]));
    const today = londonToday();
    return rows.map((row) => toAgreementView(row, organisations, today));
  }
}

function conflict(message: string, status: AgreementStatus): HubError {
  return new HubError(HubErrorCode.STATE_CONFLICT, message, { status });
}
