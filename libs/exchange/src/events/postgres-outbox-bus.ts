import type { EntityManager } from 'typeorm';
import { Client } from 'pg';
import { OutboxBusBase, within } from './outbox-bus';

const CHANNEL = 'hub_outbox';
const RECONNECT_MS = 1000;

/**
 * LISTEN/NOTIFY on the hub's own database: nothing else to run. The relay notifies inside its
 * stamping transaction, so the announcement is sent if and only if the stamps committed.
 * One dedicated connection listens (a pooled one would be handed back and stop listening).
 */
export class PostgresOutboxBus extends OutboxBusBase {
  readonly kind = 'postgres' as const;
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(private readonly url: string) {
    super();
  }

  static async open(url: string): Promise<PostgresOutboxBus> {
    const bus = new PostgresOutboxBus(url);
    await within(10_000, 'EVENT_BUS=postgres (DATABASE_URL)', bus.listen());
    return bus;
  }

  async announce(head: string): Promise<void> {
    await this.client?.query('SELECT pg_notify($1, $2)', [CHANNEL, head]);
  }

  async announceWithin(manager: EntityManager, head: string): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [CHANNEL, head]);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'thamesmead-hub:outbox-listener' });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.deliver(message.payload ?? null);
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      this.reconnectLater();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
  }

  private reconnectLater(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.listen().then(
        // Announcements sent while we were away are gone: have every feed re-read the table.
        () => this.deliver(null),
        () => this.reconnectLater(),
      );
    }, RECONNECT_MS);
  }
}
