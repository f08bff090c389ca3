import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referral lifecycle: service-level clocks stored on the referral (so "overdue" is a comparison
 * with now, right even when no job ran), the timeline of events, and the transactional outbox the
 * relay publishes from.
 */
export class ReferralLifecycle1763900004000 implements MigrationInterface {
  name = 'ReferralLifecycle1763900004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE exchange.referrals
        ADD COLUMN sent_at timestamptz,
        ADD COLUMN acknowledge_due_at timestamptz,
        ADD COLUMN accepted_at timestamptz,
        ADD COLUMN contact_due_at timestamptz,
        ADD COLUMN first_contact_at timestamptz,
        ADD COLUMN paused_at timestamptz,
        ADD COLUMN resume_status varchar(30),
        ADD COLUMN appointment_at timestamptz,
        ADD COLUMN appointment_place varchar(200),
        ADD COLUMN appointment_by_phone boolean,
        ADD COLUMN closure_reason varchar(40),
        ADD COLUMN outcome jsonb,
        ADD COLUMN closed_at timestamptz`);
    await db.query('UPDATE exchange.referrals SET sent_at = created_at, acknowledge_due_at = created_at');
    await db.query('ALTER TABLE exchange.referrals ALTER COLUMN sent_at SET NOT NULL, ALTER COLUMN sent_at SET DEFAULT now()');
    // The overdue filter reads these: only live referrals with a running clock are indexed.
    await db.query(
      `CREATE INDEX referrals_acknowledge_due_idx ON exchange.referrals (acknowledge_due_at) WHERE status = 'SENT'`,
    );
    await db.query(`CREATE INDEX referrals_contact_due_idx ON exchange.referrals (contact_due_at) WHERE status = 'ACCEPTED'`);
    await db.query(`
      CREATE TABLE exchange.referral_events (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        referral_id uuid NOT NULL REFERENCES exchange.referrals (id),
        type varchar(30) NOT NULL,
        from_status varchar(30),
        to_status varchar(30) NOT NULL,
        actor_org varchar(64) NOT NULL,
        actor_user varchar(200) NOT NULL,
        actor_role varchar(40) NOT NULL,
        at timestamptz NOT NULL,
        reason varchar(40),
        note text,
        appointment_at timestamptz,
        appointment_place varchar(200),
        appointment_by_phone boolean,
        outcome jsonb,
        referral_version int NOT NULL
      )`);
    await db.query('CREATE INDEX referral_events_referral_idx ON exchange.referral_events (referral_id, seq)');
    // The outbox: written in the transaction of the change it announces. delivery_seq is stamped by
    // the relay, one relay at a time, so it grows in commit order and a client can resume from it.
    await db.query(`
      CREATE TABLE exchange.outbox (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic varchar(60) NOT NULL,
        aggregate_id uuid NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivery_seq bigint UNIQUE,
        published_at timestamptz
      )`);
    await db.query('CREATE SEQUENCE exchange.outbox_delivery_seq');
    await db.query('CREATE INDEX outbox_unpublished_idx ON exchange.outbox (seq) WHERE delivery_seq IS NULL');
    // Repeat-referral checks match a person across cases by name, date of birth and postcode.
    await db.query(
      `CREATE INDEX cases_person_idx ON exchange.cases (lower(family_name), date_of_birth) WHERE date_of_birth IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX exchange.cases_person_idx');
    await db.query('DROP TABLE exchange.outbox');
    await db.query('DROP SEQUENCE exchange.outbox_delivery_seq');
    await db.query('DROP TABLE exchange.referral_events');
    await db.query(`
      ALTER TABLE exchange.referrals
        DROP COLUMN sent_at, DROP COLUMN acknowledge_due_at, DROP COLUMN accepted_at, DROP COLUMN contact_due_at,
        DROP COLUMN first_contact_at, DROP COLUMN paused_at, DROP COLUMN resume_status, DROP COLUMN appointment_at,
        DROP COLUMN appointment_place, DROP COLUMN appointment_by_phone, DROP COLUMN closure_reason,
        DROP COLUMN outcome, DROP COLUMN closed_at`);
  }
}
