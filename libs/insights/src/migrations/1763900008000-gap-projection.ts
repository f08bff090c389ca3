import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureInsightsRole, INSIGHTS_DB_ROLE } from '@hub/platform';

/**
 * The gap projection: counts folded from the published referral events, by month, need, boroughs,
 * service and recipient, metric and detail (never a referral, a person or a time finer than a month);
 * the projection's checkpoint; and the secret that keys each published cell's noise, drawn once here and
 * kept for the life of the database, so the same question always gets the same answer.
 *
 * The insights role may read and write these tables and read the secret; it may not change the secret.
 */
export class GapProjection1763900008000 implements MigrationInterface {
  name = 'GapProjection1763900008000';

  async up(db: QueryRunner): Promise<void> {
    await ensureInsightsRole(db);
    await db.query(`
      CREATE TABLE insights.projection (
        stream text PRIMARY KEY,
        last_seq bigint NOT NULL
      )`);
    await db.query(`INSERT INTO insights.projection (stream, last_seq) VALUES ('referral_events', 0)`);
    await db.query(`
      CREATE TABLE insights.gap_cells (
        month date NOT NULL,
        need varchar(40) NOT NULL,
        residence_borough varchar(20) NOT NULL,
        service_borough varchar(20) NOT NULL,
        service_id varchar(64) NOT NULL,
        recipient_org varchar(64) NOT NULL,
        metric varchar(20) NOT NULL,
        detail varchar(60) NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (month, need, residence_borough, service_borough, service_id, recipient_org, metric, detail)
      )`);
    await db.query(`
      CREATE TABLE insights.disclosure_secret (
        id int PRIMARY KEY CHECK (id = 1),
        secret bytea NOT NULL
      )`);
    await db.query('INSERT INTO insights.disclosure_secret (id, secret) VALUES (1, $1)', [randomBytes(32)]);
    await db.query(`GRANT USAGE ON SCHEMA insights TO ${INSIGHTS_DB_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON insights.projection, insights.gap_cells TO ${INSIGHTS_DB_ROLE}`);
    await db.query(`GRANT SELECT ON insights.disclosure_secret TO ${INSIGHTS_DB_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE insights.disclosure_secret');
    await db.query('DROP TABLE insights.gap_cells');
    await db.query('DROP TABLE insights.projection');
  }
}
