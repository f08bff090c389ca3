import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisations1763900000000 implements MigrationInterface {
  name = 'CreateOrganisations1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE exchange.organisations (
        id varchar(64) PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
        name varchar(200) NOT NULL,
        kind varchar(40) NOT NULL CHECK (kind IN ('SOCIAL_PRESCRIBING_SERVICE', 'PARTNER_AGENCY', 'REFERRER', 'COMMISSIONER')),
        borough varchar(20) NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE exchange.organisations');
  }
}
