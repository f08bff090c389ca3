import { type HubEnvironment, InvalidConfigurationError } from '@hub/platform';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { openOutboxBus } from '../libs/exchange/src/events/open-outbox-bus';
import {
  type OutboxSide,
  openOutboxSide,
  outboxEnvironment,
  reader,
  writeOutboxRows,
} from '../libs/exchange/src/events/outbox.fixture';

// CI runs Redis and NATS beside PostgreSQL; these fail, not skip, when they are missing.
const REDIS_URL = 'redis://127.0.0.1:6379';
const NATS_URL = 'nats://127.0.0.1:4222';

/**
 * Two hub processes in miniature: each side has its own DataSource (its own connections on PostgreSQL)
 * and its own bus client. Feeds poll once a minute, so an event seen within two seconds came by the bus.
 */
describe.each([
  ['postgres', 'LISTEN/NOTIFY'],
  ['redis', 'Redis pub/sub'],
  ['nats', 'NATS'],
] as const)('the %s outbox bus', (kind, how) => {
  let database: TestDatabase;
  const sides: OutboxSide[] = [];
  const controller = new AbortController();
  const embedded = !process.env.DATABASE_URL;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    controller.abort();
    for (const side of sides.reverse()) await side.close();
    await database.drop();
  });

  const environment = (): HubEnvironment =>
    outboxEnvironment({ EVENT_BUS: kind, REDIS_URL, NATS_URL, OUTBOX_POLL_MS: '60000' });

  if (kind === 'postgres' && embedded) {
    it('is refused on embedded PGlite, naming the setting', async () => {
      const attempt = openOutboxBus(environment(), undefined);
      await expect(attempt).rejects.toThrow(InvalidConfigurationError);
      await expect(attempt).rejects.toThrow(/EVENT_BUS=postgres needs PostgreSQL \(DATABASE_URL\)/);
    });
    return;
  }

  it(`wakes a feed in another process through ${how}, long before its poll`, async () => {
    const writer = await openOutboxSide(database.connector, { environment: environment(), bus: await openOutboxBus(environment(), database.url) });
    sides.push(writer);
    const other = await openOutboxSide(database.connector, { migrate: false, environment: environment(), bus: await openOutboxBus(environment(), database.url) });
    sides.push(other);
    const events = reader(other.feed.stream('0', controller.signal));
    // The first event may come by the stream's replay; once it has, the stream is live.
    const [first] = await writeOutboxRows(writer.dataSource, 1);
    await writer.relay.relayOnce();
    expect((await events.until(1, 5000))[0].eventId).toBe(first);

    const started = Date.now();
    const [second] = await writeOutboxRows(writer.dataSource, 1);
    await writer.relay.relayOnce();
    expect((await events.until(2, 2000))[1].eventId).toBe(second);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
