import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AuditAction, type AuditEntryInput, AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { OrganisationEntity } from '@hub/organisations';
import { HubError, HubErrorCode } from '@hub/platform';
import { Purpose } from '@hub/vocabulary';
import { londonToday } from '../agreements/agreement-status';
import { type CaseAccess, caseAccessFor } from '../policy/case-access';
import { type CaseField, isCaseField } from '../policy/case-fields';
import { loadPolicyFacts } from '../policy/policy-facts.loader';
import { CaseEntity } from './case.entity';
import type { CaseModel } from './case.model';
import { toCaseView } from './case-view';

/**
 * Reads cases through the policy: facts, decisions, rows and the audit record of what was disclosed
 * and withheld, all in one transaction, so the record matches what the caller was given.
 */
@Injectable()
export class CaseReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Cases the caller may see, by id; an id it may not see is absent from the map. */
  async read(
    principal: Principal,
    caseIds: string[],
    requested: Set<string>,
    purpose: Purpose = Purpose.DIRECT_SUPPORT,
  ): Promise<Map<string, CaseModel>> {
    const ids = [...new Set(caseIds)];
    return this.dataSource.transaction(async (manager) => {
      const facts = await loadPolicyFacts(manager, principal.orgId, ids);
      const access = caseAccessFor(principal, facts, londonToday(), purpose);
      const visible = ids.filter((id) => access.get(id)?.visible);
      if (visible.length === 0) return new Map();
      const rows = await manager.findBy(CaseEntity, { id: In(visible) });
      const owners = await manager.findBy(OrganisationEntity, { id: In([...new Set(rows.map((r) => r.ownerOrg))]) });
      const ownerById = new Map(owners.map((o) => [o.id, o]));
      const entries = rows
        .map((row) => disclosureEntry(principal, row.id, access.get(row.id) as CaseAccess, requested, purpose))
        .filter((e): e is AuditEntryInput => e !== undefined);
      if (entries.length > 0) await this.audit.append(manager, ...entries);
      return new Map(
        rows.map((row) => [row.id, toCaseView(row, ownerById.get(row.ownerOrg) as OrganisationEntity, access.get(row.id) as CaseAccess)]),
      );
    });
  }

  async readOne(principal: Principal, caseId: string, requested: Set<string>): Promise<CaseModel> {
    const found = (await this.read(principal, [caseId], requested)).get(caseId);
    if (!found) throw caseNotVisible(principal, caseId);
    return found;
  }

  /** For writes that already hold a transaction: the caller's access to cases, no audit. */
  async accessWithin(manager: EntityManager, principal: Principal, caseIds: string[]): Promise<Map<string, CaseAccess>> {
    return caseAccessFor(principal, await loadPolicyFacts(manager, principal.orgId, caseIds), londonToday());
  }
}

export function caseNotVisible(principal: Principal, caseId: string): HubError {
  return new HubError(HubErrorCode.CASE_NOT_VISIBLE, 'No case your organisation may see has this id.', {
    caseId,
    reason: principal.role === 'COMMISSIONER' ? 'COMMISSIONER_READS_NO_CASE' : 'NO_LIVE_REFERRAL',
  });
}

/** What one read of one case disclosed and withheld; none when no personal field was asked for. */
function disclosureEntry(
  principal: Principal,
  caseId: string,
  access: CaseAccess,
  requested: Set<string>,
  purpose: Purpose,
): AuditEntryInput | undefined {
  const asked = [...requested].filter(isCaseField) as CaseField[];
  if (asked.length === 0) return undefined;
  const fields = asked.filter((f) => access.canRead(f));
  const withheld = asked.filter((f) => !access.canRead(f));
  const basis = fields.map((f) => access.decisionFor(f)).find((d) => d.agreementId) ?? access.decisionFor(fields[0] ?? asked[0]);
  return {
    actor: principal,
    action: fields.length > 0 ? AuditAction.DISCLOSURE : AuditAction.ACCESS_REFUSED,
    caseId,
    subjectType: 'Case',
    subjectId: caseId,
    purpose,
    agreementId: basis.agreementId,
    consentId: basis.consentId,
    fields,
    withheld,
    detail: { rule: basis.rule, ...(basis.referralId ? { referralId: basis.referralId } : {}) },
  };
}
