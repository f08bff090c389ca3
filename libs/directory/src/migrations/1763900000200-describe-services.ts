import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rest of an Open Referral UK entry (ages, contact, opening times, languages, cost, locations) and waitlist bands. */
export class DescribeServices1763900000200 implements MigrationInterface {
  name = 'DescribeServices1763900000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE directory.services
        ADD COLUMN description text,
        ADD COLUMN minimum_age smallint CHECK (minimum_age BETWEEN 0 AND 120),
        ADD COLUMN maximum_age smallint CHECK (maximum_age BETWEEN 0 AND 120),
        ADD COLUMN waitlist_band varchar(20) CHECK (waitlist_band IN ('UNDER_1_MONTH', 'ONE_TO_3_MONTHS', 'OVER_3_MONTHS')),
        ADD COLUMN capacity_updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN contact_points jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN opening_times jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN languages text[] NOT NULL DEFAULT '{English}',
        ADD COLUMN cost varchar(500),
        ADD COLUMN locations jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN updated_by varchar(200),
        ADD CONSTRAINT services_age_range CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age),
        ADD CONSTRAINT services_waitlist_band CHECK ((capacity = 'WAITLIST') = (waitlist_band IS NOT NULL))`);
    // De-identified gap signal: a need nobody could meet, by borough, age band and month. No ids, no postcodes.
    await db.query(`
      CREATE TABLE directory.unmet_needs (
        month date NOT NULL,
        need varchar(40) NOT NULL,
        borough varchar(20) NOT NULL,
        age_band varchar(20) NOT NULL,
        reason varchar(40) NOT NULL,
        signals int NOT NULL DEFAULT 1 CHECK (signals > 0),
        PRIMARY KEY (month, need, borough, age_band, reason)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE directory.unmet_needs');
    await db.query(`
      ALTER TABLE directory.services
        DROP CONSTRAINT services_waitlist_band, DROP CONSTRAINT services_age_range,
        DROP COLUMN description, DROP COLUMN minimum_age, DROP COLUMN maximum_age, DROP COLUMN waitlist_band,
        DROP COLUMN capacity_updated_at, DROP COLUMN contact_points, DROP COLUMN opening_times, DROP COLUMN languages,
        DROP COLUMN cost, DROP COLUMN locations, DROP COLUMN updated_by`);
  }
}
