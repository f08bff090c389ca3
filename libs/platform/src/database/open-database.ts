import type { HubEnvironment } from '../config/hub-environment';
import { type DatabaseConnector, PostgresConnector } from './database-connector';
import { EmbeddedDatabase } from './embedded-database';

/** `DATABASE_URL` selects PostgreSQL; without it, embedded PGlite under `HUB_DATA_DIR`. */
export async function openDatabase(environment: HubEnvironment): Promise<DatabaseConnector> {
  if (environment.DATABASE_URL) return new PostgresConnector(environment.DATABASE_URL);
  return EmbeddedDatabase.open(environment.HUB_DATA_DIR);
}
