import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory service a referral was sent to, when the sender chose one (resolved by the directory subgraph). */
export class AddReferralService1763900003000 implements MigrationInterface {
  name = 'AddReferralService1763900003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE exchange.referrals ADD COLUMN service_id uuid');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE exchange.referrals DROP COLUMN service_id');
  }
}
