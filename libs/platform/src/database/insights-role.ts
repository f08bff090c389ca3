import type { QueryRunner } from 'typeorm';

/**
 * The database role every insights query runs as (`SET LOCAL ROLE`): it may read the `hub_events` views
 * and its own schema, and nothing of the exchange's or the directory's. NOLOGIN: nobody connects as it.
 */
export const INSIGHTS_DB_ROLE = 'hub_insights';

/** Where the exchange and the directory publish de-identified views for insights. */
export const HUB_EVENTS_SCHEMA = 'hub_events';

/**
 * Creates the role if it does not exist, and makes the migrating user a member so it may `SET ROLE` to it
 * (a superuser already may). Roles belong to the whole cluster while migrations run per database, and tests
 * create databases in parallel on one server: two transactions may both see no role and both create it, so
 * the loser's duplicate_object (or unique_violation on the catalog index) is swallowed in a subtransaction.
 */
export async function ensureInsightsRole(db: QueryRunner): Promise<void> {
  await db.query(`
    DO $ensure$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${INSIGHTS_DB_ROLE}') THEN
        BEGIN
          CREATE ROLE ${INSIGHTS_DB_ROLE} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
          NULL;
        END;
      END IF;
      IF NOT pg_has_role(current_user, '${INSIGHTS_DB_ROLE}', 'USAGE') THEN
        BEGIN
          EXECUTE format('GRANT ${INSIGHTS_DB_ROLE} TO %I', current_user);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
          NULL;
        END;
      END IF;
    END
    $ensure$`);
}

/** `CREATE SCHEMA IF NOT EXISTS hub_events`, tolerating the exchange's and the directory's migrations racing. */
export async function ensureHubEventsSchema(db: QueryRunner): Promise<void> {
  await db.query(`
    DO $ensure$
    BEGIN
      CREATE SCHEMA IF NOT EXISTS ${HUB_EVENTS_SCHEMA};
    EXCEPTION WHEN duplicate_schema OR unique_violation THEN
      NULL;
    END
    $ensure$`);
}

/**
 * Lets the insights role read one view (`schema.view`) and nothing behind it: a view reads its tables with
 * its owner's rights, so the role needs no grant on the schema the view selects from.
 */
export async function grantViewToInsights(db: QueryRunner, view: string): Promise<void> {
  const [schema, name] = view.split('.');
  if (!schema || !name || !/^[a-z_][a-z0-9_]*$/.test(schema) || !/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`grantViewToInsights needs schema.view, not ${view}`);
  }
  await ensureInsightsRole(db);
  await db.query(`GRANT USAGE ON SCHEMA ${schema} TO ${INSIGHTS_DB_ROLE}`);
  await db.query(`GRANT SELECT ON ${schema}.${name} TO ${INSIGHTS_DB_ROLE}`);
}
