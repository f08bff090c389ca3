import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

export const OUTBOX_BUS = Symbol('OUTBOX_BUS');

/**
 * A new outbox head (the highest delivery cursor stamped), or null when the bus may have missed
 * announcements (it reconnected): either way the listener should re-read the table.
 */
export type AnnounceListener = (head: string | null) => void;

/**
 * Wakes feeds in every hub process when the relay has stamped rows. It carries only the head, never
 * an event: the outbox table is the truth, and a lost announcement only delays delivery to the next poll.
 */
export interface OutboxBus {
  readonly kind: 'memory' | 'postgres' | 'redis' | 'nats';
  announce(head: string): Promise<void>;
  /** When set, the relay announces inside its stamping transaction instead (NOTIFY is sent at commit). */
  announceWithin?(manager: EntityManager, head: string): Promise<void>;
  /** Returns the unsubscribe function. */
  onAnnounce(listener: AnnounceListener): () => void;
  close(): Promise<void>;
}

/** Listener bookkeeping shared by the adapters; Nest closes the bus after the relay and feeds stopped. */
export abstract class OutboxBusBase implements OutboxBus {
  abstract readonly kind: OutboxBus['kind'];
  private readonly listeners = new Set<AnnounceListener>();

  abstract announce(head: string): Promise<void>;
  abstract close(): Promise<void>;

  onAnnounce(listener: AnnounceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected deliver(head: string | null): void {
    for (const listener of [...this.listeners]) listener(head);
  }

  /** Nest's last shutdown phase: after every onModuleDestroy (the relay and feeds) has finished. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

/** One process only: the embedded default. */
export class MemoryOutboxBus extends OutboxBusBase {
  readonly kind = 'memory' as const;

  async announce(head: string): Promise<void> {
    this.deliver(head);
  }

  async close(): Promise<void> {}
}

/** The PostgreSQL URL the DataSource connects with; undefined on embedded PGlite. */
export function databaseUrlOf(dataSource: DataSource): string | undefined {
  return (dataSource.options as PostgresConnectionOptions).url;
}

/** Fails a connection attempt that hangs, naming the setting to check. */
export async function within<T>(ms: number, what: string, attempt: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no connection within ${ms / 1000}s`)), ms);
  });
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
