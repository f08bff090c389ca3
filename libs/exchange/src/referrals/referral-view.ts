import type { OrganisationEntity } from '@hub/organisations';
import type { AccessDecision } from '../policy/access-decision';
import type { CaseAccess } from '../policy/case-access';
import type { ReferralModel } from './referral.model';
import type { ReferralEntity } from './referral.entity';

/** A referral as GraphQL sees it, with the caller's access for its guarded fields. */
export interface ReferralView extends ReferralModel {
  /** The caller's access to the case (decides `needs`). */
  caseAccess?: CaseAccess;
  /** The sender's right to follow the status (REFERRER_FEEDBACK); absent for the recipient. */
  feedback?: AccessDecision;
  /** The stored row: the lifecycle's fields are resolved from it, each through its own check. */
  record: ReferralEntity;
}

export function toReferralView(
  row: ReferralEntity,
  organisations: Map<string, OrganisationEntity>,
  caseAccess: CaseAccess | undefined,
  feedback: AccessDecision | undefined,
): ReferralView {
  return {
    id: row.id,
    caseId: row.caseId,
    serviceId: row.serviceId ?? null,
    sender: organisations.get(row.senderOrg) as OrganisationEntity,
    recipient: organisations.get(row.recipientOrg) as OrganisationEntity,
    needs: row.needs,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    caseAccess,
    feedback,
    record: row,
  };
}
