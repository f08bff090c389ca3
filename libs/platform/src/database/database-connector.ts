import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** How a subgraph's DataSource reaches PostgreSQL: a URL, or the embedded instance's shared pool. */
export interface DatabaseConnector {
  readonly kind: 'postgres' | 'embedded';
  connectionOptions(): Partial<PostgresConnectionOptions>;
  close(): Promise<void>;
}

export class PostgresConnector implements DatabaseConnector {
  readonly kind = 'postgres' as const;
  constructor(private readonly url: string, private readonly poolSize = 10) {}

  connectionOptions(): Partial<PostgresConnectionOptions> {
    return { url: this.url, extra: { max: this.poolSize, connectionTimeoutMillis: 10_000 } };
  }

  async close(): Promise<void> {
    // Each DataSource owns its pool and closes it; nothing shared to release.
  }
}
