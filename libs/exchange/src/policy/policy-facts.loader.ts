import type { EntityManager } from 'typeorm';
import { LIVE_REFERRAL_STATUSES } from '@hub/vocabulary';
import type { AgreementFact, CasePolicyFacts, ConsentFact, ReferralFact } from './policy-facts';
import { preparedQuery } from './prepared-query';

type Queryable = Pick<EntityManager, 'query'>;

const AGREEMENT_COLUMNS = `id, version, parties, purposes, receives, starts_on::text AS "startsOn", ends_on::text AS "endsOn",
  fully_signed_at AS "fullySignedAt", suspended_at AS "suspendedAt", terminated_at AS "terminatedAt",
  superseded_from::text AS "supersededFrom"`;

const CONSENT_COLUMNS = `id, case_id AS "caseId", recipients, partnership, purposes, categories,
  valid_from::text AS "validFrom", valid_until::text AS "validUntil", withdrawn_at AS "withdrawnAt"`;

/** Agreements whose parties include `organisation` and any of `others`. */
export function loadAgreementsBetween(db: Queryable, organisation: string, others: string[]): Promise<AgreementFact[]> {
  if (others.length === 0) return Promise.resolve([]);
  return db.query(`SELECT ${AGREEMENT_COLUMNS} FROM exchange.agreements WHERE $1 = ANY(parties) AND parties && $2::text[]`, [
    organisation,
    others,
  ]);
}

/** The latest consent recorded for each case: the one in force, if it is. */
export async function loadLatestConsents(db: Queryable, caseIds: string[]): Promise<Map<string, ConsentFact>> {
  const rows: (ConsentFact & { caseId: string })[] = await db.query(
    `SELECT DISTINCT ON (case_id) ${CONSENT_COLUMNS} FROM exchange.consents WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq DESC`,
    [caseIds],
  );
  return new Map(rows.map(({ caseId, ...consent }) => [caseId, consent]));
}

// Code's own words, not input: written into the statement so its plan cannot depend on a value.
const LIVE_STATUSES = `ARRAY[${LIVE_REFERRAL_STATUSES.map((status) => {
  if (!/^[A-Z_]+$/.test(status)) throw new Error(`unexpected referral status ${status}`);
  return `'${status}'`;
}).join(', ')}]::text[]`;

/**
 * The statement loadPolicyFacts runs. The ids reach the plan through an InitPlan
 * (`ARRAY(SELECT unnest($1))`), so the plan does not depend on how many were asked for: PostgreSQL
 * then keeps one generic plan for the prepared statement instead of planning every read, which on
 * the embedded database cost more than running it. The rows are found by id first (the primary
 * key): an OR of two IN-lists over all cases would read every case on every read.
 */
function policyFactsSql(rowColumns = ''): string {
  let sql = statements.get(rowColumns);
  if (sql === undefined) {
    sql = writePolicyFactsSql(rowColumns);
    statements.set(rowColumns, sql);
  }
  return sql;
}

// One text per select list (there are two: with the case rows, and without), written once.
const statements = new Map<string, string>();

function writePolicyFactsSql(rowColumns: string): string {
  return `WITH owners AS (SELECT id, owner_org FROM exchange.cases WHERE id = ANY(ARRAY(SELECT unnest($1::uuid[])))),
          referred AS (
            SELECT r.id, r.case_id AS "caseId", r.sender_org AS "senderOrg", r.recipient_org AS "recipientOrg", r.status
              FROM exchange.referrals r JOIN owners o ON o.id = r.case_id AND o.owner_org <> $2
             WHERE r.recipient_org = $2 AND r.status = ANY(${LIVE_STATUSES})),
          agreements AS (
            SELECT ${AGREEMENT_COLUMNS} FROM exchange.agreements
             WHERE $2 = ANY(parties) AND parties && ARRAY(SELECT DISTINCT "senderOrg" FROM referred)::text[]),
          consents AS (
            SELECT DISTINCT ON (case_id) ${CONSENT_COLUMNS} FROM exchange.consents
             WHERE case_id IN (SELECT "caseId" FROM referred) ORDER BY case_id, seq DESC)
     SELECT (SELECT coalesce(json_agg(json_build_object('id', id, 'ownerOrg', owner_org)), '[]') FROM owners) AS owners,
            (SELECT coalesce(json_agg(referred), '[]') FROM referred) AS referrals,
            (SELECT coalesce(json_agg(agreements), '[]') FROM agreements) AS agreements,
            (SELECT coalesce(json_agg(consents), '[]') FROM consents) AS consents
            ${rowColumns ? `, (SELECT coalesce(json_agg(c), '[]') FROM (SELECT ${rowColumns} FROM exchange.cases
                 WHERE id = ANY(ARRAY(SELECT id FROM owners)) AND (owner_org = $2 OR id IN (SELECT "caseId" FROM referred))) c) AS rows` : ''}`;
}

/**
 * Everything the rule needs for these cases and the caller's organisation — owners, live referrals
 * to it, agreements with those senders, each referred case's latest consent — in one round trip.
 * With `rowColumns`, the same statement also returns the rows of the cases the caller is related
 * to (owner or recipient), and only those. Inside a transaction, pass the transaction's manager.
 */
export async function loadPolicyFacts(
  db: EntityManager,
  orgId: string,
  caseIds: string[],
  rowColumns?: string,
): Promise<{ facts: CasePolicyFacts[]; rows: Record<string, unknown>[] }> {
  const [result] = await preparedQuery<PolicyFactsRow>(db, policyFactsSql(rowColumns), [caseIds, orgId]);
  const ownerOf = new Map<string, string>(result.owners.map((o: { id: string; ownerOrg: string }) => [o.id, o.ownerOrg]));
  const agreements: AgreementFact[] = result.agreements.map(reviveAgreement);
  const consents = new Map<string, ConsentFact>(
    result.consents.map(({ caseId, ...consent }: ConsentFact & { caseId: string }) => [caseId, reviveConsent(consent)]),
  );
  const referrals = result.referrals;
  const facts = caseIds.map((caseId) => ({
    caseId,
    ownerOrg: ownerOf.get(caseId),
    referrals: referrals.filter((r) => r.caseId === caseId),
    agreements,
    consent: consents.get(caseId),
  }));
  return { facts, rows: result.rows ?? [] };
}

interface PolicyFactsRow {
  owners: { id: string; ownerOrg: string }[];
  referrals: (ReferralFact & { caseId: string })[];
  agreements: (AgreementFact & Record<string, unknown>)[];
  consents: (ConsentFact & { caseId: string })[];
  rows?: Record<string, unknown>[];
}

// JSON carries timestamps as strings; the rule compares them to nothing but null, but keep the types true.
const when = (value: string | null) => (value === null ? null : new Date(value));

function reviveAgreement(a: AgreementFact & Record<string, unknown>): AgreementFact {
  return {
    ...a,
    fullySignedAt: when(a.fullySignedAt as unknown as string | null),
    suspendedAt: when(a.suspendedAt as unknown as string | null),
    terminatedAt: when(a.terminatedAt as unknown as string | null),
  };
}

function reviveConsent(c: ConsentFact): ConsentFact {
  return { ...c, withdrawnAt: when(c.withdrawnAt as unknown as string | null) };
}
