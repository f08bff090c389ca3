import type { EntityManager } from 'typeorm';
import { LIVE_REFERRAL_STATUSES } from '@hub/vocabulary';
import type { AgreementFact, CasePolicyFacts, ConsentFact, ReferralFact } from './policy-facts';

type Queryable = Pick<EntityManager, 'query'>;

const AGREEMENT_COLUMNS = `id, version, parties, purposes, receives, starts_on::text AS "startsOn", ends_on::text AS "endsOn",
  fully_signed_at AS "fullySignedAt", suspended_at AS "suspendedAt", terminated_at AS "terminatedAt",
  superseded_from::text AS "supersededFrom"`;

/** Agreements whose parties include `organisation` and any of `others`. */
export function loadAgreementsBetween(db: Queryable, organisation: string, others: string[]): Promise<AgreementFact[]> {
  if (others.length === 0) return Promise.resolve([]);
  return db.query(
    `SELECT ${AGREEMENT_COLUMNS} FROM exchange.agreements WHERE $1 = ANY(parties) AND parties && $2::text[]`,
    [organisation, others],
  );
}

/** The latest consent recorded for each case: the one in force, if it is. */
export async function loadLatestConsents(db: Queryable, caseIds: string[]): Promise<Map<string, ConsentFact>> {
  const rows: (ConsentFact & { caseId: string })[] = await db.query(
    `SELECT DISTINCT ON (case_id) id, case_id AS "caseId", recipients, partnership, purposes, categories,
            valid_from::text AS "validFrom", valid_until::text AS "validUntil", withdrawn_at AS "withdrawnAt"
       FROM exchange.consents WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq DESC`,
    [caseIds],
  );
  return new Map(rows.map(({ caseId, ...consent }) => [caseId, consent]));
}

/**
 * Everything the rule needs for these cases and this caller's organisation, in at most four
 * queries whatever the number of cases. Run it on the transaction's manager.
 */
export async function loadPolicyFacts(db: Queryable, orgId: string, caseIds: string[]): Promise<CasePolicyFacts[]> {
  const owners: { id: string; ownerOrg: string }[] = await db.query(
    'SELECT id, owner_org AS "ownerOrg" FROM exchange.cases WHERE id = ANY($1::uuid[])',
    [caseIds],
  );
  const ownerOf = new Map(owners.map((c) => [c.id, c.ownerOrg]));
  const foreign = caseIds.filter((id) => ownerOf.has(id) && ownerOf.get(id) !== orgId);
  const referrals: (ReferralFact & { caseId: string })[] = foreign.length
    ? await db.query(
        `SELECT id, case_id AS "caseId", sender_org AS "senderOrg", recipient_org AS "recipientOrg", status
           FROM exchange.referrals
          WHERE case_id = ANY($1::uuid[]) AND recipient_org = $2 AND status = ANY($3::text[])`,
        [foreign, orgId, LIVE_REFERRAL_STATUSES],
      )
    : [];
  const referred = [...new Set(referrals.map((r) => r.caseId))];
  const agreements = await loadAgreementsBetween(db, orgId, [...new Set(referrals.map((r) => r.senderOrg))]);
  const consents = referred.length ? await loadLatestConsents(db, referred) : new Map<string, ConsentFact>();
  return caseIds.map((caseId) => ({
    caseId,
    ownerOrg: ownerOf.get(caseId),
    referrals: referrals.filter((r) => r.caseId === caseId),
    agreements,
    consent: consents.get(caseId),
  }));
}
