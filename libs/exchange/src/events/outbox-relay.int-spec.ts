import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { HubErrorCode } from '@hub/platform';
import { MemoryOutboxBus } from './outbox-bus';
import { OutboxFeed } from './outbox-feed';
import { notifyOutboxWritten } from './outbox-signal';
import { type OutboxSide, openOutboxSide, outboxEnvironment, outboxRows, reader, writeOutboxRows } from './outbox.fixture';

/** Announcements lost on the way: the process died after stamping, before its bus message went out. */
class SilentBus extends MemoryOutboxBus {
  override async announce(): Promise<void> {}
}

describe('the outbox relay and feed', () => {
  let database: TestDatabase;
  let side: OutboxSide;
  const extra: OutboxSide[] = [];
  const aborts: AbortController[] = [];
  const signal = () => {
    const controller = new AbortController();
    aborts.push(controller);
    return controller.signal;
  };

  // One migrated database per file (migrations are slow on PGlite); every test starts from an empty outbox.
  beforeAll(async () => {
    database = await createTestDatabase();
    side = await openOutboxSide(database.connector);
  });
  afterAll(async () => {
    await side.close();
    await database.drop();
  });
  beforeEach(async () => {
    await side.dataSource.query('TRUNCATE exchange.outbox RESTART IDENTITY');
    await side.dataSource.query('ALTER SEQUENCE exchange.outbox_delivery_seq RESTART');
    side.feed = new OutboxFeed(side.dataSource, side.bus, outboxEnvironment());
  });
  afterEach(async () => {
    for (const controller of aborts.splice(0)) controller.abort();
    for (const other of extra.splice(0)) await other.close();
    side.feed.close();
  });

  it('stamps delivery cursors in seq order, also when rows were rewritten out of heap order', async () => {
    const ids = await writeOutboxRows(side.dataSource, 40, 8);
    // New tuple versions for the first rows put them physically last: an unordered stamp would show it.
    await side.dataSource.query(`UPDATE exchange.outbox SET payload = payload || '{"touched": true}' WHERE seq <= 10`);
    const batch = await side.relay.relayOnce();
    expect(batch.locked).toBe(true);
    expect(batch.cursors).toHaveLength(40);
    const rows = await outboxRows(side.dataSource);
    expect(rows.map((row) => row.eventId)).toEqual(ids);
    const cursors = rows.map((row) => BigInt(row.cursor!));
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(cursors).size).toBe(40);
    expect(await side.relay.relayOnce()).toEqual({ locked: true, cursors: [] });
  });

  it('stamps rows written one after another in the order they were written', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(...(await writeOutboxRows(side.dataSource, 1)));
      await side.relay.relayOnce();
    }
    const rows = await outboxRows(side.dataSource);
    expect(rows.map((row) => [row.eventId, row.cursor])).toEqual(ids.map((id, i) => [id, String(i + 1)]));
    expect(await side.feed.head()).toBe('5');
  });

  it('two relays on one database never stamp a row twice, and cursors only ever appear in order', async () => {
    const second = await openOutboxSide(database.connector, { migrate: false });
    extra.push(second);
    const relays = [side.relay, second.relay];
    const stamped: string[][] = [];
    let writing = true;
    // Both relays race each other while writers commit in between.
    const racing = relays.map(async (relay) => {
      while (writing) stamped.push((await relay.relayOnce()).cursors);
    });
    // What a feed sees must only ever grow at the top: a cursor below one already seen would be skipped.
    const views: bigint[][] = [];
    const watching = (async () => {
      while (writing) {
        const rows: { cursor: string }[] = await second.dataSource.query(
          'SELECT delivery_seq::text AS cursor FROM exchange.outbox WHERE delivery_seq IS NOT NULL ORDER BY delivery_seq',
        );
        views.push(rows.map((row) => BigInt(row.cursor)));
      }
    })();
    await Promise.all([writeOutboxRows(side.dataSource, 120, 3), writeOutboxRows(second.dataSource, 120, 5)]);
    writing = false;
    await Promise.all([...racing, watching]);
    while ((await relays[0].relayOnce()).cursors.length > 0);

    const rows = await outboxRows(side.dataSource);
    expect(rows).toHaveLength(240);
    expect(rows.every((row) => row.cursor !== null)).toBe(true);
    const byRace = stamped.flat();
    expect(new Set(byRace).size).toBe(byRace.length);
    expect(rows.map((row) => Number(row.cursor)).sort((a, b) => a - b)).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
    // No row was stamped twice: the sequence moved exactly once per row.
    const [{ last_value }] = await side.dataSource.query('SELECT last_value::text FROM exchange.outbox_delivery_seq');
    expect(last_value).toBe('240');
    for (let i = 1; i < views.length; i += 1) {
      const before = views[i - 1];
      const after = views[i];
      expect(after.slice(0, before.length)).toEqual(before);
    }
  });

  it('a stream from a cursor replays what it missed, then continues live', async () => {
    const ids = await writeOutboxRows(side.dataSource, 3);
    const [first] = (await side.relay.relayOnce()).cursors;
    const events = reader(side.feed.stream(first, signal()));
    expect((await events.until(2, 5000)).map((e) => e.eventId)).toEqual(ids.slice(1));
    // The feed polls every minute here: live events arrive because the relay's announcement wakes it.
    const later = await writeOutboxRows(side.dataSource, 2);
    await side.relay.relayOnce();
    const all = await events.until(4, 2000);
    expect(all.map((e) => e.eventId)).toEqual([...ids.slice(1), ...later]);
    expect(all.map((e) => e.cursor)).toEqual(['2', '3', '4', '5']);
    expect(all[0]).toMatchObject({ topic: 'referral.event', payload: { eventId: ids[1], type: 'SENT' } });
    expect(all[0].publishedAt).toBeInstanceOf(Date);
  });

  it('a stream from null starts at the head and gets only what is published after', async () => {
    await writeOutboxRows(side.dataSource, 2);
    await side.relay.relayOnce();
    const events = reader(side.feed.stream(null, signal()));
    const [eventId] = await waitLive(events, side);
    expect(events.received.map((e) => e.eventId)).toEqual([eventId]);
    expect(events.received[0].cursor).toBe('3');
  });

  it('a stream never skips an event written while it replays, across pages', async () => {
    const before = await writeOutboxRows(side.dataSource, 2100, 300);
    while ((await side.relay.relayOnce()).cursors.length > 0);
    const events = reader(side.feed.stream('0', signal()));
    await events.until(10, 10_000);
    // Writers and the relay keep going while the stream is still deep in its replay.
    const during: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      during.push(...(await writeOutboxRows(side.dataSource, 50, 25)));
      await side.relay.relayOnce();
    }
    const received = await events.until(before.length + during.length, 30_000);
    const cursors = received.map((e) => BigInt(e.cursor));
    expect(cursors.every((cursor, i) => i === 0 || cursor > cursors[i - 1])).toBe(true);
    expect(received.map((e) => e.eventId)).toEqual([...before, ...during]);
  });

  it('a stream never skips an event published just after its replay read the table', async () => {
    const ids = await writeOutboxRows(side.dataSource, 3);
    await side.relay.relayOnce();
    // The feed's replay read (from cursor 1) returns, and before the stream goes on, event 4 is published.
    let publishAfterReplay: (() => Promise<void>) | undefined = async () => {
      ids.push(...(await writeOutboxRows(side.dataSource, 1)));
      await side.relay.relayOnce();
    };
    const hooked = {
      query: async (sql: string, parameters?: unknown[]) => {
        const rows = await side.dataSource.query(sql, parameters);
        if (publishAfterReplay && sql.includes('delivery_seq > $1') && parameters?.[0] === '1') {
          const publish = publishAfterReplay;
          publishAfterReplay = undefined;
          await publish();
        }
        return rows;
      },
    } as unknown as DataSource;
    side.feed.close();
    side.feed = new OutboxFeed(hooked, side.bus, outboxEnvironment());
    const events = reader(side.feed.stream('1', signal()));
    expect((await events.until(3, 3000)).map((e) => e.eventId)).toEqual(ids.slice(1));
  });

  it('a slow subscriber that overflows its buffer falls back to the table and misses nothing', async () => {
    side.feed.bufferLimit = 5;
    const stream = side.feed.stream('0', signal())[Symbol.asyncIterator]();
    const ids = await writeOutboxRows(side.dataSource, 1);
    await side.relay.relayOnce();
    expect((await within(3000, stream.next())).value?.eventId).toBe(ids[0]);
    // The subscriber stops reading while 40 more are published, one announcement each.
    for (let i = 0; i < 40; i += 1) {
      ids.push(...(await writeOutboxRows(side.dataSource, 1)));
      await side.relay.relayOnce();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rest: string[] = [];
    while (rest.length < 40) rest.push((await within(3000, stream.next())).value!.eventId);
    expect(rest).toEqual(ids.slice(1));
    await stream.return?.();
  });

  it('rows stamped whose announcement was lost still reach streams on the next poll', async () => {
    const quiet = await openOutboxSide(database.connector, {
      migrate: false,
      bus: new SilentBus(),
      environment: outboxEnvironment({ OUTBOX_POLL_MS: '100' }),
    });
    extra.push(quiet);
    const events = reader(quiet.feed.stream('0', signal()));
    const ids = await writeOutboxRows(side.dataSource, 2);
    await quiet.relay.relayOnce();
    expect((await events.until(2, 3000)).map((e) => e.eventId)).toEqual(ids);
  });

  it('the running relay publishes what writers leave, woken by notifyOutboxWritten, not waiting for its poll', async () => {
    const running = await openOutboxSide(database.connector, { migrate: false, environment: outboxEnvironment({ OUTBOX_POLL_MS: '60000' }) });
    extra.push(running);
    const events = reader(running.feed.stream('0', signal()));
    running.relay.start();
    const ids = await writeOutboxRows(side.dataSource, 3);
    notifyOutboxWritten();
    expect((await events.until(3, 2000)).map((e) => e.eventId)).toEqual(ids);
    await running.relay.stop();
    expect((await outboxRows(side.dataSource)).every((row) => row.cursor)).toBe(true);
  });

  it('refuses a cursor that is not a non-negative integer', () => {
    for (const bad of ['', 'abc', '-1', '1.5', ' 1', '99999999999999999999', '9223372036854775808']) {
      expect(() => side.feed.stream(bad, signal())).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: HubErrorCode.BAD_USER_INPUT, field: 'after' }) }),
      );
    }
  });

  it('closing the feed ends its open streams', async () => {
    const events = reader(side.feed.stream(null, signal()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    side.feed.close();
    await events.done;
    expect(events.ended).toBe(true);
  });

  it('aborting the signal ends the stream', async () => {
    const controller = new AbortController();
    const events = reader(side.feed.stream('0', controller.signal));
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await events.done;
    expect(events.ended).toBe(true);
  });
});

/** Writes and publishes one event once the stream is live (the first one proves it), returns its id. */
async function waitLive(events: ReturnType<typeof reader>, side: OutboxSide): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const ids = await writeOutboxRows(side.dataSource, 1);
  await side.relay.relayOnce();
  await events.until(1, 2000);
  return ids;
}

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}
