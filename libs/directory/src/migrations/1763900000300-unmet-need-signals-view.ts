import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureHubEventsSchema, grantViewToInsights } from '@hub/platform';

/**
 * What insights may read of the directory: `hub_events.unmet_need_signals`, the monthly counts of needs
 * no service could take (month, need, borough of residence, age band, reason, signals). The insights role
 * is granted this view alone, never `directory.services` or the table behind it.
 */
export class UnmetNeedSignalsView1763900000300 implements MigrationInterface {
  name = 'UnmetNeedSignalsView1763900000300';

  async up(db: QueryRunner): Promise<void> {
    await ensureHubEventsSchema(db);
    await db.query(`
      CREATE VIEW hub_events.unmet_need_signals AS
      SELECT u.month,
             u.need::text AS need,
             u.borough::text AS residence_borough,
             u.age_band::text AS age_band,
             u.reason::text AS reason,
             u.signals
        FROM directory.unmet_needs u`);
    await grantViewToInsights(db, 'hub_events.unmet_need_signals');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW hub_events.unmet_need_signals');
  }
}
