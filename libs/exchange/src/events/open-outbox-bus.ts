import { type HubEnvironment, InvalidConfigurationError } from '@hub/platform';
import { NatsOutboxBus } from './nats-outbox-bus';
import { MemoryOutboxBus, type OutboxBus } from './outbox-bus';
import { PostgresOutboxBus } from './postgres-outbox-bus';
import { RedisOutboxBus } from './redis-outbox-bus';

/**
 * EVENT_BUS chooses; unset, it is LISTEN/NOTIFY on PostgreSQL and memory on embedded.
 */
export async function openOutboxBus(environment: HubEnvironment, databaseUrl: string | undefined): Promise<OutboxBus> {
  const kind = environment.EVENT_BUS ?? (databaseUrl ? 'postgres' : 'memory');
  switch (kind) {
    case 'memory':
      return new MemoryOutboxBus();
    case 'postgres': {
      if (!databaseUrl) {
        throw new InvalidConfigurationError(
          'EVENT_BUS=postgres needs PostgreSQL (DATABASE_URL): embedded PGlite has no LISTEN/NOTIFY across processes. Use memory, redis or nats.',
        );
      }
      return PostgresOutboxBus.open(databaseUrl);
    }
    case 'redis': {
      if (!environment.REDIS_URL) throw new InvalidConfigurationError('EVENT_BUS=redis needs REDIS_URL (redis://host:6379).');
      return RedisOutboxBus.open(environment.REDIS_URL);
    }
    case 'nats': {
      if (!environment.NATS_URL) throw new InvalidConfigurationError('EVENT_BUS=nats needs NATS_URL (nats://host:4222).');
      return NatsOutboxBus.open(environment.NATS_URL);
    }
  }
}
