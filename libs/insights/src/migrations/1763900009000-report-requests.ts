import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureInsightsRole, INSIGHTS_DB_ROLE } from '@hub/platform';

/**
 * Every gap report asked for, answered or refused: who, which organisation, the question, through
 * GraphQL or a CSV link, and how many figures were withheld. Append-only, like the exchange's audit.
 */
export class ReportRequests1763900009000 implements MigrationInterface {
  name = 'ReportRequests1763900009000';

  async up(db: QueryRunner): Promise<void> {
    await ensureInsightsRole(db);
    await db.query(`
      CREATE TABLE insights.report_requests (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        organisation_id varchar(64) NOT NULL,
        user_id varchar(200) NOT NULL,
        role varchar(40) NOT NULL,
        channel varchar(10) NOT NULL CHECK (channel IN ('GRAPHQL', 'CSV')),
        outcome varchar(20) NOT NULL CHECK (outcome IN ('ANSWERED', 'REFUSED')),
        refusal varchar(40),
        question jsonb NOT NULL,
        figures int NOT NULL DEFAULT 0,
        withheld int NOT NULL DEFAULT 0
      )`);
    await db.query('CREATE INDEX report_requests_org_idx ON insights.report_requests (organisation_id, seq)');
    await db.query(`
      CREATE FUNCTION insights.refuse_report_request_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'insights.report_requests is append-only'; END $$`);
    await db.query(`
      CREATE TRIGGER report_requests_append_only BEFORE UPDATE OR DELETE ON insights.report_requests
      FOR EACH ROW EXECUTE FUNCTION insights.refuse_report_request_change()`);
    await db.query(`GRANT SELECT, INSERT ON insights.report_requests TO ${INSIGHTS_DB_ROLE}`);
    // A SERVICE breakdown lists every service the cube has counted: an index keeps that a lookup.
    await db.query('CREATE INDEX gap_cells_service_idx ON insights.gap_cells (service_id, recipient_org)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX insights.gap_cells_service_idx');
    await db.query('DROP TABLE insights.report_requests');
    await db.query('DROP FUNCTION insights.refuse_report_request_change()');
  }
}
