import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { agreementStatusOn, londonToday } from '@hub/exchange';
import { mintDevelopmentToken, readTrustConfig } from '@hub/identity';
import { type HubEnvironment, readLandscape } from '@hub/platform';
import { MRS_X } from '@hub/testing';
import { OrganisationKind, Role } from '@hub/vocabulary';
import type { RunningHub } from '../apps/hub/src/start-hub';

/**
 * BENCHMARK ONLY: the data the `policy` suite reads against, prepared by bench/serve-hub.ts before it
 * reports ready. Bulk rows go in with set-based SQL on the exchange's DataSource (the same SQL runs on
 * embedded PGlite and on PostgreSQL); the one case the suite reads is referred through the real API.
 */
export interface PolicyFixtureSizes {
  agreements: number;
  cases: number;
  consentsPerCase: number;
}

export interface PolicyFixture {
  /** The case PST referred to Live Well through the API: what the suite reads. */
  caseId: string;
  agreementId: string;
  consentId: string;
  referralId: string;
  bypassUser: string;
  sizes: PolicyFixtureSizes;
  /** Wall-clock time of the bulk SQL (agreements, signatures, cases, consents, ANALYZE). */
  seedSqlMs: number;
  /** Wall-clock time of the referral through the gateway (propose, 2 signatures, case, consent, send). */
  referralApiMs: number;
  /** Every agreement by its status today, computed with the exchange's own `agreementStatusOn`. */
  agreementsByStatus: Record<string, number>;
  /** Agreements whose parties include both PST and Live Well: what each policy read loads. */
  pairAgreements: number;
  pairActiveAgreements: number;
}

export const SEEDED_BY = 'bench-seed';

export async function preparePolicyFixture(
  hub: RunningHub,
  environment: HubEnvironment,
  sizes: PolicyFixtureSizes,
  bypassUser: string,
): Promise<PolicyFixture> {
  const db = hub.apps.exchange.get(DataSource);
  const parties = readLandscape(environment.LANDSCAPE_CONFIG)
    .organisations.filter((o) => o.kind !== OrganisationKind.COMMISSIONER)
    .map((o) => o.slug);
  for (const needed of ['pst', 'live-well']) {
    if (!parties.includes(needed)) throw new Error(`the landscape has no organisation "${needed}"`);
  }

  const seedStart = performance.now();
  await seedAgreements(db, parties, sizes.agreements);
  await seedCasesAndConsents(db, parties, sizes.cases, sizes.consentsPerCase);
  const seedSqlMs = performance.now() - seedStart;

  const apiStart = performance.now();
  const referred = await referThroughApi(hub.url, environment);
  const referralApiMs = performance.now() - apiStart;

  // Production tables have statistics; freshly bulk-loaded ones would not until autovacuum came by.
  const analyseStart = performance.now();
  await db.query('ANALYZE exchange.agreements, exchange.agreement_signatures, exchange.cases, exchange.consents, exchange.referrals');
  const analyseMs = performance.now() - analyseStart;

  const today = londonToday();
  const agreements: {
    parties: string[];
    startsOn: string;
    endsOn: string;
    fullySignedAt: Date | null;
    suspendedAt: Date | null;
    terminatedAt: Date | null;
    supersededFrom: string | null;
  }[] = await db.query(
    `SELECT parties, starts_on::text AS "startsOn", ends_on::text AS "endsOn", fully_signed_at AS "fullySignedAt",
            suspended_at AS "suspendedAt", terminated_at AS "terminatedAt", superseded_from::text AS "supersededFrom"
       FROM exchange.agreements`,
  );
  const agreementsByStatus: Record<string, number> = {};
  let pairAgreements = 0;
  let pairActiveAgreements = 0;
  for (const agreement of agreements) {
    const status = agreementStatusOn(agreement, today);
    agreementsByStatus[status] = (agreementsByStatus[status] ?? 0) + 1;
    if (agreement.parties.includes('pst') && agreement.parties.includes('live-well')) {
      pairAgreements += 1;
      if (status === 'ACTIVE') pairActiveAgreements += 1;
    }
  }
  return {
    ...referred,
    bypassUser,
    sizes,
    seedSqlMs: Math.round(seedSqlMs + analyseMs),
    referralApiMs: Math.round(referralApiMs),
    agreementsByStatus,
    pairAgreements,
    pairActiveAgreements,
  };
}

/**
 * `count` agreements among `parties`, each pair about equally often. Party b is a + 1..n-1 places on,
 * so never a. One in ten has expired, one in ten was terminated, one in twenty is an unsigned draft
 * starting next month; the rest are ACTIVE: signed, started up to 11 months ago, ending 2 to 25
 * months from now. Receives never include HEALTH or IDENTITY. Signatures for every signed one.
 */
async function seedAgreements(db: DataSource, parties: string[], count: number): Promise<void> {
  await db.query(
    `WITH numbered AS (
       SELECT gen_random_uuid() AS id, g,
              $1::text[] AS o, cardinality($1::text[]) AS n,
              CASE WHEN g % 10 = 1 THEN 'EXPIRED' WHEN g % 10 = 2 THEN 'TERMINATED'
                   WHEN g % 20 = 3 THEN 'DRAFT' ELSE 'ACTIVE' END AS kind
         FROM generate_series(1, $2::int) AS g
     ), paired AS (
       SELECT id, g, kind,
              o[1 + g % n] AS a,
              o[1 + (g + 1 + (g / n) % (n - 1)) % n] AS b,
              CASE kind WHEN 'EXPIRED' THEN current_date - 800 + g % 100
                        WHEN 'DRAFT' THEN current_date + 30 + g % 30
                        ELSE current_date - 1 - g % 330 END AS starts_on,
              CASE kind WHEN 'EXPIRED' THEN current_date - 10 - g % 100
                        ELSE current_date + 60 + g % 700 END AS ends_on
         FROM numbered
     )
     INSERT INTO exchange.agreements (id, lineage_id, version, title, parties, purposes, receives, lawful_basis,
                                      starts_on, ends_on, review_on, proposed_by_org, proposed_by_user, created_at,
                                      fully_signed_at, terminated_at, status_reason)
     SELECT id, id, 1, 'Sharing between ' || a || ' and ' || b || ' (' || g || ')',
            ARRAY[a, b], ARRAY['DIRECT_SUPPORT', 'REFERRER_FEEDBACK'],
            jsonb_build_object(a, '["OUTCOMES"]'::jsonb,
                               b, CASE g % 3 WHEN 0 THEN '["CONTACT", "NEEDS"]'::jsonb
                                             WHEN 1 THEN '["CONTACT", "NEEDS", "CIRCUMSTANCES"]'::jsonb
                                             ELSE '["CONTACT"]'::jsonb END),
            'UK GDPR 6(1)(e) public task with 9(2)(h) health or social care',
            starts_on, ends_on, LEAST(starts_on + 90, ends_on), a, $3::text, (starts_on - 14)::timestamptz,
            CASE WHEN kind = 'DRAFT' THEN NULL ELSE (starts_on - 7)::timestamptz END,
            CASE WHEN kind = 'TERMINATED' THEN now() - (g % 60) * interval '1 day' END,
            CASE WHEN kind = 'TERMINATED' THEN 'Service decommissioned' END
       FROM paired`,
    [parties, count, SEEDED_BY],
  );
  await db.query(
    `INSERT INTO exchange.agreement_signatures (agreement_id, party, signed_by, signed_role, signed_at)
     SELECT a.id, p, p || '-service_admin', 'SERVICE_ADMIN', a.fully_signed_at
       FROM exchange.agreements a CROSS JOIN LATERAL unnest(a.parties) AS p
      WHERE a.proposed_by_user = $1::text AND a.fully_signed_at IS NOT NULL`,
    [SEEDED_BY],
  );
}

/**
 * `cases` cases owned by PST (created_by marks them as seeded), each with `perCase` consents recorded a day apart, oldest first so the
 * identity `seq` orders them as the API would. Earlier consents named other organisations, for a
 * month, and one in ten of the second ones was withdrawn; the latest names Live Well (and, for half,
 * Citizens Advice Bexley) for CONTACT and NEEDS, open-ended: the consent in force.
 */
async function seedCasesAndConsents(db: DataSource, parties: string[], cases: number, perCase: number): Promise<void> {
  await db.query(
    `INSERT INTO exchange.cases (id, owner_org, created_by, created_at, given_name, family_name, date_of_birth,
                                 address_line1, town, postcode, phone, email, can_write_to_address, can_leave_message,
                                 can_contact_for_feedback, preferred_channel, borough_of_residence, gp_practice,
                                 adults_in_household, children_in_household, any_child_under_five, access_to_public_funds,
                                 landlord_type, disability, needs, needs_detail, health_summary, notes)
     SELECT gen_random_uuid(), 'pst', $2::text, now() - (10 + g % 700) * interval '1 day',
            (ARRAY['Margaret', 'Ade', 'Priya', 'Tom', 'Grace', 'Kwame', 'Joan', 'Ali'])[1 + g % 8],
            'Resident' || g, DATE '1940-01-01' + (g * 37) % 25000,
            (1 + g % 200) || ' Harrow Manorway', 'London',
            'SE2 ' || (1 + g % 9) || chr(65 + g % 26) || chr(65 + (g / 26) % 26),
            '+447700' || lpad((900000 + g % 1000)::text, 6, '0'), 'resident' || g || '@example.org',
            g % 2 = 0, g % 3 = 0, true, 'PHONE', CASE WHEN g % 2 = 0 THEN 'GREENWICH' ELSE 'BEXLEY' END,
            'Lakeside Health Centre', 1 + g % 3, g % 4, g % 7 = 0, 'YES', 'SOCIAL', 'NO',
            CASE g % 3 WHEN 0 THEN ARRAY['LONELINESS', 'DEBT'] WHEN 1 THEN ARRAY['PHYSICAL_ACTIVITY', 'LONELINESS']
                       ELSE ARRAY['HOUSING', 'BENEFITS'] END,
            'Seeded for the policy benchmark.', 'Type 2 diabetes.', 'Prefers mornings.'
       FROM generate_series(1, $1::int) AS g`,
    [cases, SEEDED_BY],
  );
  await db.query(
    `INSERT INTO exchange.consents (id, case_id, recorded_by_org, recorded_by_user, recorded_at, given_by, method, given_at,
                                    venue, recipients, partnership, purposes, categories, valid_from, valid_until,
                                    can_write_to_address, can_leave_message, can_contact_for_feedback,
                                    withdrawn_at, withdrawn_by, withdrawal_reason)
     SELECT gen_random_uuid(), c.id, 'pst', $3::text, c.created_at + k * interval '1 day', 'The resident',
            'SIGNED_FORM', c.created_at + k * interval '1 day' - interval '10 minutes', 'Lakeside Health Centre',
            CASE WHEN k = $1::int THEN (CASE WHEN r % 2 = 0 THEN ARRAY['live-well'] ELSE ARRAY['live-well', 'citizens-advice-bexley'] END)
                 ELSE ARRAY[($2::text[])[1 + (r + k) % cardinality($2::text[])]] END,
            false, ARRAY['DIRECT_SUPPORT', 'REFERRER_FEEDBACK'], ARRAY['CONTACT', 'NEEDS'],
            (c.created_at + k * interval '1 day')::date,
            CASE WHEN k = $1::int THEN NULL ELSE (c.created_at + k * interval '1 day')::date + 30 END,
            c.can_write_to_address, c.can_leave_message, true,
            CASE WHEN k = 2 AND k < $1::int AND r % 10 = 0 THEN c.created_at + (k + 1) * interval '1 day' END,
            CASE WHEN k = 2 AND k < $1::int AND r % 10 = 0 THEN $3::text END,
            CASE WHEN k = 2 AND k < $1::int AND r % 10 = 0 THEN 'Resident asked by phone' END
       FROM (SELECT id, created_at, can_write_to_address, can_leave_message, (row_number() OVER (ORDER BY id))::int AS r
               FROM exchange.cases WHERE created_by = $3::text) AS c
            CROSS JOIN generate_series(1, $1::int) AS k
      ORDER BY k, c.id`,
    [perCase, parties.filter((p) => p !== 'pst' && p !== 'live-well'), SEEDED_BY],
  );
}

/** PST refers one resident to Live Well the way the product does it: every step a GraphQL mutation. */
async function referThroughApi(
  gateway: string,
  environment: HubEnvironment,
): Promise<{ caseId: string; agreementId: string; consentId: string; referralId: string }> {
  const trust = readTrustConfig(environment.TRUST_CONFIG);
  const call = async <T>(org: string, role: Role, query: string, variables: Record<string, unknown>): Promise<T> => {
    const token = await mintDevelopmentToken(trust, environment.HUB_DATA_DIR, { org, role });
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (response.status !== 200 || body.errors?.length || !body.data) {
      throw new Error(`policy fixture: ${org}/${role} got ${response.status} ${JSON.stringify(body).slice(0, 800)}`);
    }
    return body.data;
  };
  const today = londonToday();
  const { proposeAgreement } = await call<{ proposeAgreement: { id: string } }>(
    'pst',
    Role.SERVICE_ADMIN,
    'mutation($input: ProposeAgreementInput!) { proposeAgreement(input: $input) { id } }',
    {
      input: {
        title: 'PST and Live Well: referrals across the boundary',
        parties: ['pst', 'live-well'],
        purposes: ['DIRECT_SUPPORT', 'REFERRER_FEEDBACK'],
        receives: [
          { organisationId: 'live-well', categories: ['CONTACT', 'NEEDS'] },
          { organisationId: 'pst', categories: ['OUTCOMES'] },
        ],
        lawfulBasis: 'UK GDPR 6(1)(e) public task with 9(2)(h) health or social care',
        startsOn: addDays(today, -30),
        endsOn: addDays(today, 730),
        reviewOn: addDays(today, 335),
      },
    },
  );
  const agreementId = proposeAgreement.id;
  for (const org of ['pst', 'live-well']) {
    await call(org, Role.SERVICE_ADMIN, 'mutation($id: ID!) { signAgreement(id: $id) { status } }', { id: agreementId });
  }
  const { createCase } = await call<{ createCase: { id: string } }>(
    'pst',
    Role.LINK_WORKER,
    'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
    // The same Mrs X the e2e tests use.
    { input: MRS_X },
  );
  const caseId = createCase.id;
  const { recordConsent } = await call<{ recordConsent: { id: string } }>(
    'pst',
    Role.LINK_WORKER,
    'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
    {
      input: {
        caseId,
        givenBy: 'The resident',
        method: 'SIGNED_FORM',
        givenAt: new Date(Date.now() - 60_000).toISOString(),
        venue: 'Lakeside Health Centre',
        recipients: ['live-well'],
        partnership: false,
        purposes: ['DIRECT_SUPPORT', 'REFERRER_FEEDBACK'],
        categories: ['CONTACT', 'NEEDS'],
        contactPreferences: { canWriteToAddress: true, canLeaveMessage: false, canContactForFeedback: true },
      },
    },
  );
  const { sendReferral } = await call<{ sendReferral: { id: string } }>(
    'pst',
    Role.LINK_WORKER,
    'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }',
    { input: { caseId, recipientId: 'live-well', needs: ['LONELINESS', 'PHYSICAL_ACTIVITY'], idempotencyKey: randomUUID() } },
  );
  return { caseId, agreementId, consentId: recordConsent.id, referralId: sendReferral.id };
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
