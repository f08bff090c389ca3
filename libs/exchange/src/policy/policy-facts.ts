import type { DataCategory, Purpose, ReferralStatus } from '@hub/vocabulary';
import type { AgreementStatusFacts } from '../agreements/agreement-status';

/** What the rule needs to know about one case, loaded in one go (policy-facts.loader.ts). */
export interface CasePolicyFacts {
  caseId: string;
  /** Undefined when no such case exists: the answer is then the same as for a case one may not see. */
  ownerOrg?: string;
  /** Live referrals of this case to the caller's organisation. */
  referrals: ReferralFact[];
  /** Agreements whose parties include the caller's organisation and a sender of those referrals. */
  agreements: AgreementFact[];
  /** The case's latest consent, the one in force if any is. */
  consent?: ConsentFact;
}

export interface ReferralFact {
  id: string;
  senderOrg: string;
  recipientOrg: string;
  status: ReferralStatus;
}

export interface AgreementFact extends AgreementStatusFacts {
  id: string;
  version: number;
  parties: string[];
  purposes: Purpose[];
  receives: Record<string, DataCategory[]>;
}

export interface ConsentFact {
  id: string;
  recipients: string[];
  partnership: boolean;
  purposes: Purpose[];
  categories: DataCategory[];
  validFrom: string;
  validUntil: string | null;
  withdrawnAt: Date | null;
}
