import { randomUUID } from 'node:crypto';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { MRS_X } from '@hub/testing';
import { Role } from '@hub/vocabulary';
import type { HubMemory } from '../types';
import type { BenchContext, BenchSuite, BenchTable, Cell, HubUnderTest } from '../types';

/** Subscribers in the measured run, and transitions each hears. */
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const TRANSITIONS = Number(process.env.BENCH_SUBSCRIPTION_EVENTS ?? 20);
/** How long one event may take to reach every subscriber before it counts as missed. */
const DELIVERY_TIMEOUT_MS = 15_000;
const OPEN_BATCH = 100;

const EVENTS = 'subscription { referralEvents(direction: INBOUND) { referralId type referralVersion } }';

interface Listener {
  client: Client;
  /** performance.now() at receipt, by the referral version the event announced. */
  received: Map<number, number>;
}

/**
 * (b) Event-to-client latency with many subscribers on one process: the time from sending a
 * transition through the gateway to each subscriber's receipt of its event (so the mutation, the
 * relay's pick-up, the feed, the policy decision and both socket hops), for 1 subscriber (the
 * baseline, same run) and for SUBSCRIBERS; and the hub's memory per open subscription.
 */
export const subscriptionsSuite: BenchSuite = {
  name: 'subscriptions',
  async run(context: BenchContext): Promise<BenchTable[]> {
    const { hub, log } = context;
    const memoryOf = () => hub.memory();
    const referral = await referralScene(hub);
    const url = hub.gateway.replace(/^http/, 'ws');

    const rows: Record<string, Cell>[] = [];
    const runs: Record<number, { p50: number; p99: number }> = {};
    let memory: Record<string, Cell>[] = [];
    for (const count of [1, SUBSCRIBERS]) {
      const before = await memoryOf();
      log(`subscriptions: opening ${count} subscriber(s)`);
      const listeners = await openListeners(hub, url, count);
      // A socket is open before its subscription reaches the feed: warm up until every subscriber
      // has heard an event, so none is counted as missing what it never subscribed to in time.
      for (let round = 0; round < 5 && (await referral.step(listeners, log, 5_000)).missed > 0; round++);
      const after = await memoryOf();
      if (count === SUBSCRIBERS) memory = [memoryRow(count, before, after)];
      log(`subscriptions: ${TRANSITIONS} transitions to ${count} subscriber(s)`);
      const latencies: number[] = [];
      let missed = 0;
      for (let i = 0; i < TRANSITIONS; i++) {
        const step = await referral.step(listeners, log);
        latencies.push(...step.latencies);
        missed += step.missed;
      }
      await Promise.all(listeners.map((l) => l.client.dispose()));
      latencies.sort((a, b) => a - b);
      const p50 = percentile(latencies, 0.5);
      const p99 = percentile(latencies, 0.99);
      runs[count] = { p50, p99 };
      rows.push({
        subscribers: count,
        events: TRANSITIONS,
        deliveries: latencies.length,
        'p50 ms': round(p50, 1),
        'p99 ms': round(p99, 1),
        'max ms': round(latencies.at(-1) ?? 0, 1),
        missed,
        flag: missed > 0 ? 'MISSED' : '',
      });
    }
    const baseline = runs[1];
    const loaded = runs[SUBSCRIBERS];
    return [
      { title: `event-to-client latency through the gateway (transition sent → event received), ${hub.database}`, rows },
      {
        title: `${SUBSCRIBERS} subscribers / 1 subscriber, same run, same process`,
        rows: [{ 'p50 ratio': round(loaded.p50 / baseline.p50, 2), 'p99 ratio': round(loaded.p99 / baseline.p99, 2), flag: '' }],
      },
      { title: 'hub process memory per open subscription (after GC; gateway socket + subgraph socket + feed stream)', rows: memory },
    ];
  },
};

/** PST refers Mrs X to Live Well; Live Well then books and misses appointments, one event per step. */
async function referralScene(hub: HubUnderTest) {
  const call = async <T>(org: string, role: Role, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(hub.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token(org, role)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`subscriptions scene: ${org} got ${JSON.stringify(body).slice(0, 500)}`);
    return body.data;
  };
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const { proposeAgreement } = await call<{ proposeAgreement: { id: string } }>('pst', Role.SERVICE_ADMIN,
    'mutation($input: ProposeAgreementInput!) { proposeAgreement(input: $input) { id } }', {
      input: {
        title: 'PST and Live Well', parties: ['pst', 'live-well'], purposes: ['DIRECT_SUPPORT', 'REFERRER_FEEDBACK'],
        receives: [{ organisationId: 'live-well', categories: ['CONTACT', 'NEEDS'] }],
        lawfulBasis: 'UK GDPR 6(1)(e) public task with 9(2)(h) health or social care',
        startsOn: day(-30), endsOn: day(730), reviewOn: day(335),
      },
    });
  for (const org of ['pst', 'live-well']) {
    await call(org, Role.SERVICE_ADMIN, 'mutation($id: ID!) { signAgreement(id: $id) { status } }', { id: proposeAgreement.id });
  }
  const { createCase } = await call<{ createCase: { id: string } }>('pst', Role.LINK_WORKER,
    'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }', { input: MRS_X });
  await call('pst', Role.LINK_WORKER, 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
    input: {
      caseId: createCase.id, givenBy: 'The resident', method: 'SIGNED_FORM', givenAt: new Date(Date.now() - 60_000).toISOString(),
      venue: 'Lakeside Health Centre', recipients: ['live-well'], partnership: false, purposes: ['DIRECT_SUPPORT', 'REFERRER_FEEDBACK'],
      categories: ['CONTACT', 'NEEDS'], contactPreferences: { canWriteToAddress: true, canLeaveMessage: false, canContactForFeedback: true },
    },
  });
  const { sendReferral } = await call<{ sendReferral: { id: string } }>('pst', Role.LINK_WORKER,
    'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }', {
      input: { caseId: createCase.id, recipientId: 'live-well', needs: ['LONELINESS'], idempotencyKey: randomUUID() },
    });
  const id = sendReferral.id;
  const move = (input: Record<string, unknown>) =>
    call<{ transitionReferral: { version: number } }>('live-well', Role.LINK_WORKER,
      'mutation($input: TransitionReferralInput!) { transitionReferral(input: $input) { version } }', { input: { id, ...input } });
  await move({ to: 'ACCEPTED' });
  let booked = false;
  // Booked → did not attend → booked again …: a lifecycle loop that can run for as many steps as wanted.
  const next = () => (booked ? { to: 'DID_NOT_ATTEND' } : { to: 'APPOINTMENT_BOOKED', appointmentAt: day(14) + 'T10:00:00.000Z', appointmentByPhone: true });
  return {
    /** One transition; resolves when every listener heard it or the timeout passed. */
    async step(listeners: Listener[], log: (message: string) => void, timeoutMs = DELIVERY_TIMEOUT_MS) {
      const token = await hub.token('live-well', Role.LINK_WORKER);
      const sentAt = performance.now();
      const response = await fetch(hub.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($input: TransitionReferralInput!) { transitionReferral(input: $input) { version } }',
          variables: { input: { id, ...next() } },
        }),
      });
      const body = (await response.json()) as { data?: { transitionReferral: { version: number } }; errors?: unknown[] };
      if (!body.data) throw new Error(`subscriptions: transition failed ${JSON.stringify(body.errors)}`);
      booked = !booked;
      const version = body.data.transitionReferral.version;
      const deadline = Date.now() + timeoutMs;
      while (listeners.some((l) => !l.received.has(version)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      const heard = listeners.filter((l) => l.received.has(version));
      if (heard.length < listeners.length) log(`subscriptions: version ${version} reached ${heard.length}/${listeners.length}`);
      return { latencies: heard.map((l) => (l.received.get(version) as number) - sentAt), missed: listeners.length - heard.length };
    },
  };
}

/** Opens `count` graphql-ws subscribers to the gateway, in batches, each with its own token. */
async function openListeners(hub: HubUnderTest, url: string, count: number): Promise<Listener[]> {
  const listeners: Listener[] = [];
  for (let start = 0; start < count; start += OPEN_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(OPEN_BATCH, count - start) }, async (_, i) => {
        const token = await hub.token('live-well', Role.LINK_WORKER, { user: `bench-subscriber-${start + i}` });
        const listener: Listener = { client: undefined as unknown as Client, received: new Map() };
        const connected = new Promise<void>((resolve, reject) => {
          listener.client = createClient({
            url,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${token}` },
            lazy: false,
            retryAttempts: 0,
            onNonLazyError: reject,
            on: { connected: () => resolve() },
          });
        });
        listener.client.subscribe<{ referralEvents: { referralVersion: number } }>({ query: EVENTS }, {
          next: (result) => {
            const version = result.data?.referralEvents.referralVersion;
            if (version !== undefined) listener.received.set(version, performance.now());
          },
          error: () => undefined,
          complete: () => undefined,
        });
        await connected;
        return listener;
      }),
    );
    listeners.push(...batch);
  }
  return listeners;
}

function memoryRow(count: number, before: HubMemory, after: HubMemory): Record<string, Cell> {
  const perConnection = (key: 'rss' | 'heapUsed' | 'external') => round((after[key] - before[key]) / count / 1024, 1);
  return {
    subscriptions: count,
    'rss before MiB': round(before.rss / 2 ** 20, 1),
    'rss after MiB': round(after.rss / 2 ** 20, 1),
    'rss KiB/conn': perConnection('rss'),
    'heap KiB/conn': perConnection('heapUsed'),
    'external KiB/conn': perConnection('external'),
    gc: after.gc ? 'yes' : 'no',
    flag: '',
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
