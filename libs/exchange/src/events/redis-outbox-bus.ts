import Redis from 'ioredis';
import { OutboxBusBase, within } from './outbox-bus';

const CHANNEL = 'hub:outbox';

/** Redis pub/sub: one connection publishes, one subscribes (a subscribed connection can do nothing else). */
export class RedisOutboxBus extends OutboxBusBase {
  readonly kind = 'redis' as const;

  private constructor(private readonly publisher: Redis, private readonly subscriber: Redis) {
    super();
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === CHANNEL) this.deliver(message);
    });
    // ioredis reconnects and resubscribes by itself; what was published meanwhile is lost, so re-read.
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) this.deliver(null);
      connectedBefore = true;
    });
  }

  static async open(url: string): Promise<RedisOutboxBus> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 2, connectionName: 'thamesmead-hub:outbox' };
    const publisher = new Redis(url, options);
    const subscriber = new Redis(url, options);
    // Without a listener ioredis prints every failed reconnect; feeds keep polling meanwhile.
    for (const client of [publisher, subscriber]) client.on('error', () => undefined);
    const bus = new RedisOutboxBus(publisher, subscriber);
    try {
      await within(10_000, 'no answer', Promise.all([publisher.connect(), subscriber.connect()]));
      await subscriber.subscribe(CHANNEL);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw new Error(`EVENT_BUS=redis (REDIS_URL): ${(error as Error).message}`);
    }
    return bus;
  }

  async announce(head: string): Promise<void> {
    await this.publisher.publish(CHANNEL, head);
  }

  async close(): Promise<void> {
    await Promise.all(
      [this.publisher, this.subscriber].map((client) => client.quit().catch(() => client.disconnect())),
    );
  }
}
