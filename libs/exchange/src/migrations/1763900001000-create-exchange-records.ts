import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agreements, cases, consents and referrals: the records the policy reads. */
export class CreateExchangeRecords1763900001000 implements MigrationInterface {
  name = 'CreateExchangeRecords1763900001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE exchange.agreements (
        id uuid PRIMARY KEY,
        lineage_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        title varchar(200) NOT NULL,
        parties text[] NOT NULL CHECK (cardinality(parties) >= 2),
        purposes text[] NOT NULL,
        receives jsonb NOT NULL,
        lawful_basis varchar(300) NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        review_on date NOT NULL,
        proposed_by_org varchar(64) NOT NULL REFERENCES exchange.organisations (id),
        proposed_by_user varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        fully_signed_at timestamptz,
        suspended_at timestamptz,
        terminated_at timestamptz,
        status_reason text,
        supersedes uuid REFERENCES exchange.agreements (id),
        superseded_from date,
        UNIQUE (lineage_id, version),
        CHECK (ends_on > starts_on),
        CHECK (review_on >= starts_on)
      )`);
    await db.query('CREATE INDEX agreements_parties_idx ON exchange.agreements USING gin (parties)');
    await db.query(`
      CREATE TABLE exchange.agreement_signatures (
        agreement_id uuid NOT NULL REFERENCES exchange.agreements (id),
        party varchar(64) NOT NULL REFERENCES exchange.organisations (id),
        signed_by varchar(200) NOT NULL,
        signed_role varchar(40) NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, party)
      )`);
    await db.query(`
      CREATE TABLE exchange.cases (
        id uuid PRIMARY KEY,
        owner_org varchar(64) NOT NULL REFERENCES exchange.organisations (id),
        created_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        given_name varchar(100) NOT NULL,
        family_name varchar(100) NOT NULL,
        date_of_birth date,
        nhs_number char(10),
        address_line1 varchar(200),
        address_line2 varchar(200),
        town varchar(100),
        postcode varchar(8),
        phone varchar(16),
        email varchar(254),
        can_write_to_address boolean NOT NULL DEFAULT false,
        can_leave_message boolean NOT NULL DEFAULT false,
        can_contact_for_feedback boolean NOT NULL DEFAULT false,
        preferred_channel varchar(20),
        borough_of_residence varchar(20),
        gp_practice varchar(200),
        adults_in_household smallint,
        children_in_household smallint,
        any_child_under_five boolean,
        gender varchar(50),
        access_to_public_funds varchar(10),
        landlord_type varchar(20),
        landlord_name varchar(200),
        disability varchar(20),
        ethnicity varchar(100),
        needs text[] NOT NULL,
        needs_detail text,
        health_summary text,
        notes text
      )`);
    await db.query('CREATE INDEX cases_owner_idx ON exchange.cases (owner_org, created_at)');
    await db.query('CREATE INDEX cases_nhs_number_idx ON exchange.cases (nhs_number) WHERE nhs_number IS NOT NULL');
    await db.query(`
      CREATE TABLE exchange.consents (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        case_id uuid NOT NULL REFERENCES exchange.cases (id),
        recorded_by_org varchar(64) NOT NULL REFERENCES exchange.organisations (id),
        recorded_by_user varchar(200) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        given_by varchar(200) NOT NULL,
        method varchar(20) NOT NULL,
        given_at timestamptz NOT NULL,
        venue varchar(200),
        recipients text[] NOT NULL,
        partnership boolean NOT NULL,
        purposes text[] NOT NULL,
        categories text[] NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        can_write_to_address boolean NOT NULL,
        can_leave_message boolean NOT NULL,
        can_contact_for_feedback boolean NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by varchar(200),
        withdrawal_reason varchar(500),
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await db.query('CREATE INDEX consents_case_idx ON exchange.consents (case_id, seq DESC)');
    await db.query(`
      CREATE TABLE exchange.referrals (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES exchange.cases (id),
        sender_org varchar(64) NOT NULL REFERENCES exchange.organisations (id),
        recipient_org varchar(64) NOT NULL REFERENCES exchange.organisations (id),
        needs text[] NOT NULL,
        status varchar(30) NOT NULL,
        idempotency_key varchar(100) NOT NULL,
        created_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        agreement_id uuid NOT NULL REFERENCES exchange.agreements (id),
        consent_id uuid NOT NULL REFERENCES exchange.consents (id),
        row_version int NOT NULL DEFAULT 1,
        UNIQUE (sender_org, idempotency_key),
        CHECK (sender_org <> recipient_org)
      )`);
    await db.query('CREATE INDEX referrals_recipient_idx ON exchange.referrals (recipient_org, created_at DESC)');
    await db.query('CREATE INDEX referrals_sender_idx ON exchange.referrals (sender_org, created_at DESC)');
    await db.query('CREATE INDEX referrals_case_idx ON exchange.referrals (case_id, recipient_org)');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['referrals', 'consents', 'cases', 'agreement_signatures', 'agreements']) {
      await db.query(`DROP TABLE exchange.${table}`);
    }
  }
}
