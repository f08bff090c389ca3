import type { EntityManager } from 'typeorm';
import { type ClosureReason, LIVE_REFERRAL_STATUSES, type NeedCategory, ReferralStatus } from '@hub/vocabulary';

/** How long after closing a referral still counts as recent for the repeat warning. */
export const RECENT_REFERRAL_DAYS = 90;

/** An earlier referral of the same person to the same recipient, with the attendance it recorded. */
export interface EarlierReferral {
  id: string;
  status: ReferralStatus;
  senderOrg: string;
  sentAt: Date;
  closedAt: Date | null;
  needs: NeedCategory[];
  closureReason: ClosureReason | null;
  attended: number;
  didNotAttend: number;
}

/**
 * Referrals to `recipientOrg` of the person in `caseId`, whichever organisation's case holds them:
 * the same case, the same NHS number, or the same name, date of birth and postcode. Repeat and
 * circular referrals happen "because the system does not record previous attendance" (BRIEF.md).
 */
export async function earlierReferralsOfPerson(
  manager: EntityManager,
  caseId: string,
  recipientOrg: string,
  excludeReferralId: string | null,
): Promise<EarlierReferral[]> {
  // Three index-friendly ways to be the same person, united, then their referrals to this recipient:
  // an OR across them would scan every referral the recipient holds.
  const rows: Record<string, unknown>[] = await manager.query(
    `WITH person AS (
       SELECT id, nhs_number, lower(given_name) AS given, lower(family_name) AS family, date_of_birth,
              upper(replace(coalesce(postcode, ''), ' ', '')) AS postcode
       FROM exchange.cases WHERE id = $1),
     same_person AS (
       SELECT id FROM person
       UNION
       SELECT c.id FROM exchange.cases c, person p WHERE p.nhs_number IS NOT NULL AND c.nhs_number = p.nhs_number
       UNION
       SELECT c.id FROM exchange.cases c, person p
        WHERE p.date_of_birth IS NOT NULL AND p.postcode <> ''
          AND lower(c.family_name) = p.family AND c.date_of_birth = p.date_of_birth
          AND lower(c.given_name) = p.given AND upper(replace(coalesce(c.postcode, ''), ' ', '')) = p.postcode)
     SELECT r.id, r.status, r.sender_org, r.sent_at, r.closed_at, r.needs, r.closure_reason,
       (SELECT count(*) FROM exchange.referral_events e WHERE e.referral_id = r.id AND e.type = 'ATTENDED')::int AS attended,
       (SELECT count(*) FROM exchange.referral_events e WHERE e.referral_id = r.id AND e.type = 'DID_NOT_ATTEND')::int AS dna
     FROM same_person s JOIN exchange.referrals r ON r.case_id = s.id
     WHERE r.recipient_org = $2 AND ($3::uuid IS NULL OR r.id <> $3::uuid)
     ORDER BY r.sent_at DESC
     LIMIT 50`,
    [caseId, recipientOrg, excludeReferralId],
  );
  return rows.map((row) => ({
    id: row.id as string,
    status: row.status as ReferralStatus,
    senderOrg: row.sender_org as string,
    sentAt: new Date(row.sent_at as string),
    closedAt: row.closed_at ? new Date(row.closed_at as string) : null,
    needs: parseTextArray(row.needs),
    closureReason: (row.closure_reason as ClosureReason | null) ?? null,
    attended: Number(row.attended),
    didNotAttend: Number(row.dna),
  }));
}

/** Those that make a new referral for `needs` a repeat: live, or closed recently, for a need in common. */
export function repeatsAmong(earlier: EarlierReferral[], needs: NeedCategory[], now: Date): EarlierReferral[] {
  const recent = now.getTime() - RECENT_REFERRAL_DAYS * 24 * 3600 * 1000;
  return earlier.filter(
    (r) =>
      r.status !== ReferralStatus.CANCELLED &&
      r.status !== ReferralStatus.REVOKED &&
      r.needs.some((need) => needs.includes(need)) &&
      (LIVE_REFERRAL_STATUSES.includes(r.status) || (r.closedAt !== null && r.closedAt.getTime() >= recent)),
  );
}

/** text[] comes back as an array from node-postgres, as '{A,B}' from some drivers. */
function parseTextArray(value: unknown): NeedCategory[] {
  if (Array.isArray(value)) return value as NeedCategory[];
  const text = String(value ?? '{}');
  return (text.length > 2 ? text.slice(1, -1).split(',') : []) as NeedCategory[];
}
