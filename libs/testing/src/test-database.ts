import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { type DatabaseConnector, EmbeddedDatabase, loadEnvironment, PostgresConnector } from '@hub/platform';

export interface TestDatabase {
  connector: DatabaseConnector;
  /** Set when the test runs on a real PostgreSQL server. */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A database of the test file's own. With DATABASE_URL (CI, a developer's server): a fresh database
 * on that server, dropped afterwards. Without it: an in-memory embedded PostgreSQL.
 */
export async function createTestDatabase(serverUrl = loadEnvironment().DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await EmbeddedDatabase.open('memory://');
    return { connector: embedded, drop: () => embedded.close() };
  }
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    connector: new PostgresConnector(url.toString(), 5),
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
