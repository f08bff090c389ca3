import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DatabaseConnector,
  EmbeddedDatabase,
  loadEnvironment,
  openSubgraphDataSource,
  PostgresConnector,
} from '@hub/platform';
import {
  createTestDatabase,
  ExchangeFixtures,
  type HubChildProcess,
  startHubChildProcess,
  type TestDatabase,
  type TestHub,
} from '@hub/testing';
import { Role } from '@hub/vocabulary';
import { EXCHANGE_SCHEMA } from '../apps/exchange/src/exchange-app.module';
import { type RunningHub, startHub } from '../apps/hub/src/start-hub';
import { OutboxFeed, type PublishedEvent } from '../libs/exchange/src/events/outbox-feed';

const TRANSITION = 'mutation($input: TransitionReferralInput!) { transitionReferral(input: $input) { id status } }';

/**
 * No lost events: a hub commits referral changes and dies (SIGKILL) before publishing any of them.
 * The next hub on the same database publishes them all, and a subscriber resuming from its last
 * cursor receives every one.
 */
describe('a hub killed between commit and publish', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-killed-'));
  let server: TestDatabase | undefined;
  let child: HubChildProcess | undefined;
  let connector: DatabaseConnector | undefined;
  let hub: RunningHub | undefined;
  const controller = new AbortController();

  afterAll(async () => {
    controller.abort();
    await child?.kill();
    await hub?.close();
    await connector?.close();
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing: the next hub publishes every committed event and a resuming subscriber gets them all', async () => {
    // A database the test owns: a fresh one on the server, or PGlite in dataDir (the child's, then ours).
    if (process.env.DATABASE_URL) server = await createTestDatabase();
    child = await startHubChildProcess({ dataDir, databaseUrl: server?.url, env: { OUTBOX_RELAY: 'off' } });

    const fx = new ExchangeFixtures(child as unknown as TestHub);
    await fx.activeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['CONTACT', 'NEEDS'], pst: ['OUTCOMES'] } });
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['CONTACT', 'NEEDS'] });
    const sent = await fx.sendReferral('pst', caseId, 'live-well');
    expect(sent.errors).toBeUndefined();
    const referralId = sent.data!.sendReferral.id;
    for (const to of ['ACKNOWLEDGED', 'ACCEPTED', 'CONTACTED']) {
      await fx.ok('live-well', Role.LINK_WORKER, TRANSITION, { input: { id: referralId, to } });
    }
    // Every change above answered, so it committed; with the relay off, none was published.
    await child.kill('SIGKILL');

    connector = server ? new PostgresConnector(server.url!, 5) : await EmbeddedDatabase.open(dataDir);
    const inspect = await openSubgraphDataSource(connector, EXCHANGE_SCHEMA);
    const timeline: { id: string; toStatus: string }[] = await inspect.query(
      'SELECT id, to_status AS "toStatus" FROM exchange.referral_events WHERE referral_id = $1 ORDER BY seq',
      [referralId],
    );
    const [{ unpublished }] = await inspect.query('SELECT count(*)::int AS unpublished FROM exchange.outbox WHERE delivery_seq IS NULL');
    await inspect.destroy();
    expect(timeline.map((event) => event.toStatus)).toEqual(['SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'CONTACTED']);
    expect(unpublished).toBe(timeline.length);

    // A fresh hub on what the dead one left, relay on. The subscriber had seen nothing: cursor 0.
    const environment = loadEnvironment({}, { NODE_ENV: 'test', PORT: '0', HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn', OUTBOX_RELAY: 'on' });
    hub = await startHub(environment, { database: connector });
    const feed = hub.apps.exchange.get(OutboxFeed);
    const received = await take(feed.stream('0', controller.signal), timeline.length, 15_000);
    expect(received.map((event) => event.eventId)).toEqual(timeline.map((event) => event.id));
    expect(received.map((event) => event.payload.toStatus)).toEqual(timeline.map((event) => event.toStatus));
    expect(received.every((event) => event.aggregateId === referralId)).toBe(true);
    expect(await feed.head()).toBe(received[received.length - 1].cursor);
  }, 240_000);
});

/** The first `count` events of a stream, or a failure naming how many came. */
async function take(stream: AsyncIterable<PublishedEvent>, count: number, ms: number): Promise<PublishedEvent[]> {
  const received: PublishedEvent[] = [];
  const iterator = stream[Symbol.asyncIterator]();
  const deadline = Date.now() + ms;
  while (received.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} events`)), Math.max(0, deadline - Date.now()));
      }),
    ]).finally(() => clearTimeout(timer));
    if (next.done) break;
    received.push(next.value);
  }
  return received;
}
