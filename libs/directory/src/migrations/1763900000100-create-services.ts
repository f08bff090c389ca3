import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateServices1763900000100 implements MigrationInterface {
  name = 'CreateServices1763900000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE directory.services (
        id uuid PRIMARY KEY,
        organisation_id varchar(64) NOT NULL,
        name varchar(200) NOT NULL,
        needs text[] NOT NULL,
        accepts_residence text[] NOT NULL,
        accepts_gp_registration text[] NOT NULL,
        eligibility_note text,
        capacity varchar(20) NOT NULL CHECK (capacity IN ('OPEN', 'WAITLIST', 'CLOSED')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX services_organisation_idx ON directory.services (organisation_id)');
    await db.query('CREATE INDEX services_needs_idx ON directory.services USING gin (needs)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE directory.services');
  }
}
