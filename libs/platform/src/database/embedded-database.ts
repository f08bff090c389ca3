import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Pool } from 'pg';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import type { DatabaseConnector } from './database-connector';
import { sharedPoolDriver } from './shared-pool-driver';

/**
 * Embedded PostgreSQL (PGlite) for the one-command start and for tests without a server.
 * PGlite is a single session, so the whole process shares one pool of one connection: a transaction
 * holds it exclusively, and nothing interleaves. Never await another query while holding a transaction.
 */
export class EmbeddedDatabase implements DatabaseConnector {
  readonly kind = 'embedded' as const;
  private readonly pool: Pool;

  private constructor(readonly pglite: PGlite, readonly location: string) {
    this.pool = new Pool({
      ...createPgConfig(pglite),
      max: 1,
      idleTimeoutMillis: 0,
      // A query waiting this long for the single session is a deadlock, not load: fail loudly.
      connectionTimeoutMillis: 30_000,
    });
  }

  /** `dataDir` is a folder kept across restarts, or `memory://` for a throwaway database. */
  static async open(dataDir: string): Promise<EmbeddedDatabase> {
    let location = dataDir;
    if (!dataDir.startsWith('memory://')) {
      location = resolve(join(dataDir, 'pg'));
      mkdirSync(location, { recursive: true });
    }
    const pglite = await PGlite.create(location);
    return new EmbeddedDatabase(pglite, location);
  }

  connectionOptions(): Partial<PostgresConnectionOptions> {
    return { driver: sharedPoolDriver(this.pool) };
  }

  async close(): Promise<void> {
    await this.pool.end();
    if (!this.pglite.closed) await this.pglite.close();
  }
}
