import { connect, type NatsConnection, StringCodec } from 'nats';
import { OutboxBusBase } from './outbox-bus';

const SUBJECT = 'hub.outbox';
const codec = StringCodec();

/** NATS core publish/subscribe; the client reconnects by itself. */
export class NatsOutboxBus extends OutboxBusBase {
  readonly kind = 'nats' as const;

  private constructor(private readonly connection: NatsConnection) {
    super();
    connection.subscribe(SUBJECT, {
      callback: (error, message) => {
        if (!error) this.deliver(codec.decode(message.data));
      },
    });
    void this.watchReconnects();
  }

  static async open(url: string): Promise<NatsOutboxBus> {
    let connection: NatsConnection;
    try {
      connection = await connect({ servers: url, name: 'thamesmead-hub:outbox', timeout: 10_000, maxReconnectAttempts: -1 });
    } catch (error) {
      throw new Error(`EVENT_BUS=nats (NATS_URL): ${(error as Error).message}`);
    }
    const bus = new NatsOutboxBus(connection);
    await connection.flush(); // the subscription is registered with the server before anyone announces
    return bus;
  }

  async announce(head: string): Promise<void> {
    if (!this.connection.isClosed()) this.connection.publish(SUBJECT, codec.encode(head));
  }

  async close(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.close();
  }

  /** What was published while disconnected is lost: have every feed re-read the table. */
  private async watchReconnects(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'reconnect') this.deliver(null);
    }
  }
}
