import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** The node-postgres client a TypeORM query runner holds (PostgreSQL, or PGlite through its adapter). */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/** Named after its text, so one name never stands for two texts on a connection. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `hub_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as a named prepared statement: each connection parses it once, and once PostgreSQL
 * has seen a few executions it keeps one generic plan instead of planning every call (when the
 * plan cannot depend on the values; see loadPolicyFacts). On the embedded database planning the
 * policy query cost more than running it. Inside a transaction it runs on the transaction's own
 * connection; otherwise it borrows one from the pool for this statement alone. (It bypasses
 * TypeORM's query logging, which these hot statements do not use.)
 */
export async function preparedQuery<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const held = manager.queryRunner && !manager.queryRunner.isReleased ? manager.queryRunner : undefined;
  const runner = held ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    return (await client.query({ name: nameOf(text), text, values })).rows as T[];
  } finally {
    if (!held) await runner.release();
  }
}
