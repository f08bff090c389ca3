import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an imported case came from (`pst-paper:<sha256 of the row>`), so importing the same paper form
 * again finds it instead of opening a second case. Unique per owner; cases opened in the hub have none.
 */
export class AddCaseSourceRef1763900005000 implements MigrationInterface {
  name = 'AddCaseSourceRef1763900005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE exchange.cases ADD COLUMN source_ref varchar(200)');
    await db.query('ALTER TABLE exchange.cases ADD CONSTRAINT cases_owner_source_ref_key UNIQUE (owner_org, source_ref)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE exchange.cases DROP COLUMN source_ref');
  }
}
