import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type DatabaseConnector, type HubEnvironment, loadEnvironment, openSubgraphDataSource, subgraphDataSourceOptions } from '@hub/platform';
import { EXCHANGE_SCHEMA } from '../../../../apps/exchange/src/exchange-app.module';
import { REFERRAL_EVENT_TOPIC } from '../lifecycle/referral-events';
import { MemoryOutboxBus, type OutboxBus } from './outbox-bus';
import { OutboxFeed, type PublishedEvent } from './outbox-feed';
import { OutboxRelay } from './outbox-relay';

/** Test fixture (specs only): one hub process's outbox side, without the rest of the hub. */
export interface OutboxSide {
  dataSource: DataSource;
  bus: OutboxBus;
  relay: OutboxRelay;
  feed: OutboxFeed;
  close(): Promise<void>;
}

export function outboxEnvironment(overrides: Partial<Record<keyof HubEnvironment, string>> = {}): HubEnvironment {
  return loadEnvironment({}, { NODE_ENV: 'test', OUTBOX_POLL_MS: '60000', ...overrides });
}

/** The first side migrates the exchange schema; later ones open their own DataSource (own pool on PostgreSQL). */
export async function openOutboxSide(
  connector: DatabaseConnector,
  options: { bus?: OutboxBus; environment?: HubEnvironment; migrate?: boolean } = {},
): Promise<OutboxSide> {
  const dataSource =
    options.migrate === false
      ? await new DataSource(subgraphDataSourceOptions(connector, EXCHANGE_SCHEMA)).initialize()
      : await openSubgraphDataSource(connector, EXCHANGE_SCHEMA);
  const environment = options.environment ?? outboxEnvironment();
  const bus = options.bus ?? new MemoryOutboxBus();
  const relay = new OutboxRelay(dataSource, bus, environment);
  const feed = new OutboxFeed(dataSource, bus, environment);
  return {
    dataSource,
    bus,
    relay,
    feed,
    close: async () => {
      await relay.stop();
      feed.close();
      await bus.close();
      await dataSource.destroy();
    },
  };
}

/** Outbox rows as a writer leaves them: committed, not yet stamped. Returns their event ids in seq order. */
export async function writeOutboxRows(dataSource: DataSource, count: number, perTransaction = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += perTransaction) {
    const batch = Array.from({ length: Math.min(perTransaction, count - i) }, () => randomUUID());
    await dataSource.transaction(async (manager) => {
      for (const eventId of batch) {
        await manager.query(
          'INSERT INTO exchange.outbox (topic, aggregate_id, event_id, payload) VALUES ($1, $2, $3, $4::jsonb)',
          [REFERRAL_EVENT_TOPIC, randomUUID(), eventId, JSON.stringify({ eventId, type: 'SENT' })],
        );
      }
    });
    ids.push(...batch);
  }
  return ids;
}

export interface OutboxRow {
  seq: string;
  eventId: string;
  cursor: string | null;
}

export async function outboxRows(dataSource: DataSource): Promise<OutboxRow[]> {
  return dataSource.query(
    'SELECT o.seq::text AS seq, o.event_id AS "eventId", o.delivery_seq::text AS cursor FROM exchange.outbox o ORDER BY o.seq',
  );
}

/** Reads a stream in the background; `until` waits for a number of events, failing after `ms`. */
export function reader(stream: AsyncIterable<PublishedEvent>) {
  const received: PublishedEvent[] = [];
  const waiters = new Set<() => void>();
  let failure: unknown;
  let ended = false;
  const done = (async () => {
    try {
      for await (const event of stream) {
        received.push(event);
        for (const wake of waiters) wake();
      }
    } catch (error) {
      failure = error;
    } finally {
      ended = true;
      for (const wake of waiters) wake();
    }
  })();
  return {
    received,
    done,
    get ended() {
      return ended;
    },
    async until(count: number, ms: number): Promise<PublishedEvent[]> {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (failure) throw failure;
        if (ended) throw new Error(`stream ended after ${received.length} of ${count} events`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`only ${received.length} of ${count} events within ${ms} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(finish, left);
          waiters.add(finish);
          function finish() {
            clearTimeout(timer);
            waiters.delete(finish);
            resolve();
          }
        });
      }
      return received.slice(0, count);
    },
  };
}
