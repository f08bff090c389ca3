import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditAction, type AuditEntryInput, AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { Purpose } from '@hub/vocabulary';
import { type CaseAccess, caseAccessFor } from '../policy/case-access';
import { type CaseField, isCaseField } from '../policy/case-fields';
import { loadPolicyFacts } from '../policy/policy-facts.loader';
import { policyToday } from '../policy/policy-today';
import { caseRowColumns, reviveCaseRow } from './case-rows';
import type { CaseModel } from './case.model';
import { toCaseView } from './case-view';

/**
 * Reads cases through the policy: the facts and the rows in one statement, the decisions, then the
 * audit record of what was disclosed and withheld in one more, committed before anything is returned.
 * A read changes nothing, so it needs no transaction of its own: the record names the facts the
 * decision rested on (agreement, consent, referral), read in the same snapshot as the rows given.
 */
@Injectable()
export class CaseReader {
  private readonly rowColumns: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {
    this.rowColumns = caseRowColumns(dataSource);
  }

  /** Cases the caller may see, by id; an id it may not see is absent from the map. */
  async read(
    principal: Principal,
    caseIds: string[],
    requested: Set<string>,
    purpose: Purpose = Purpose.DIRECT_SUPPORT,
  ): Promise<Map<string, CaseModel>> {
    const ids = [...new Set(caseIds)];
    // One round trip: the facts, and the rows of the cases the caller is related to.
    const loaded = await loadPolicyFacts(this.dataSource.manager, principal.orgId, ids, this.rowColumns);
    const access = caseAccessFor(principal, loaded.facts, policyToday(), purpose);
    const rows = loaded.rows.map(reviveCaseRow).filter((row) => access.get(row.id)?.visible);
    if (rows.length === 0) return new Map();
    const entries = rows
      .map((row) => disclosureEntry(principal, row.id, access.get(row.id) as CaseAccess, requested, purpose))
      .filter((e): e is AuditEntryInput => e !== undefined);
    // One more: the record, committed before the caller is given anything (if it fails, this throws).
    if (entries.length > 0) await this.audit.record(this.dataSource, ...entries);
    return new Map(rows.map((row) => [row.id, toCaseView(row, access.get(row.id) as CaseAccess)]));
  }

  async readOne(principal: Principal, caseId: string, requested: Set<string>): Promise<CaseModel> {
    const found = (await this.read(principal, [caseId], requested)).get(caseId);
    if (!found) throw caseNotVisible(principal, caseId, await this.revokedFor(principal, caseId));
    return found;
  }

  /**
   * Whether the caller's referral of this case was revoked because the resident withdrew consent: the
   * recipient is told that, rather than only "no live referral" (it knew of the case already).
   */
  private async revokedFor(principal: Principal, caseId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM exchange.referrals WHERE case_id = $1 AND recipient_org = $2 AND status = 'REVOKED' LIMIT 1`,
      [caseId, principal.orgId],
    );
    return rows.length > 0;
  }

  /** For writes that already hold a transaction: the caller's access to cases, no audit. */
  async accessWithin(manager: EntityManager, principal: Principal, caseIds: string[]): Promise<Map<string, CaseAccess>> {
    return caseAccessFor(principal, (await loadPolicyFacts(manager, principal.orgId, caseIds)).facts, policyToday());
  }
}

export function caseNotVisible(principal: Principal, caseId: string, revoked = false): HubError {
  if (revoked && principal.role !== 'COMMISSIONER') {
    return new HubError(HubErrorCode.CASE_NOT_VISIBLE, 'The resident withdrew consent: your referral of this case was revoked.', {
      caseId,
      reason: 'CONSENT_WITHDRAWN',
    });
  }
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
