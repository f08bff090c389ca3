import { randomUUID } from 'node:crypto';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ExchangeFixtures, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

const EVENTS = `subscription($direction: ReferralDirection, $after: String, $referralId: ID) {
  referralEvents(direction: $direction, after: $after, referralId: $referralId) {
    id referralId cursor type fromStatus toStatus actor { id } note
  }
}`;
const SEND = 'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }';
const TRANSITION = 'mutation($input: TransitionReferralInput!) { transitionReferral(input: $input) { id status } }';

interface ReferralEvent {
  id: string;
  referralId: string;
  cursor: string;
  type: string;
  toStatus: string;
  actor: { id: string };
  note: string | null;
}

/** One integrator's socket to the gateway and everything it heard. */
interface Subscriber {
  events: ReferralEvent[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  completed: boolean;
  closed?: { code: number; reason: string };
  client: Client;
}

/** Polls until `ready` holds; fails with `what` after `ms`. */
async function until(what: string, ready: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('referralEvents over graphql-ws at the gateway', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  let caseId: string;
  const open: Client[] = [];

  const gatewaySocketUrl = () => hub.hub.url.replace(/^http/, 'ws');

  function subscribe(authorization: string | undefined, variables: Record<string, unknown> = {}, query = EVENTS): Subscriber {
    const client = createClient({
      url: gatewaySocketUrl(),
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : {},
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    open.push(client);
    const subscriber: Subscriber = { events: [], errors: [], completed: false, client };
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      subscriber.closed = { code, reason };
    });
    client.subscribe<{ referralEvents: ReferralEvent }>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) subscriber.errors.push(...(result.errors as Subscriber['errors']));
          if (result.data?.referralEvents) subscriber.events.push(result.data.referralEvents);
        },
        error: (error) => {
          if (Array.isArray(error)) subscriber.errors.push(...error);
        },
        complete: () => (subscriber.completed = true),
      },
    );
    return subscriber;
  }

  const subscribeAs = async (org: string, role: Role, variables: Record<string, unknown> = {}) =>
    subscribe(`Bearer ${await fx.as(org, role)}`, { after: await head(), ...variables });

  /** The latest delivery cursor: subscribing after it hears everything that happens from here on. */
  const head = async (): Promise<string> => {
    const [row] = await fx.exchangeDatabase().query('SELECT coalesce(max(delivery_seq), 0)::text AS head FROM exchange.outbox');
    return row.head;
  };

  /** Mrs X again and again: each test sends its own referral, confirmed as a deliberate repeat. */
  const send = async (recipient: string, sender = 'pst', onCase = caseId): Promise<string> => {
    const sent = await fx.call<{ sendReferral: { id: string } }>(sender, Role.LINK_WORKER, SEND, {
      input: { caseId: onCase, recipientId: recipient, needs: ['LONELINESS'], idempotencyKey: randomUUID(), confirmRepeat: true },
    });
    if (sent.errors) throw new Error(JSON.stringify(sent.errors));
    return sent.data!.sendReferral.id;
  };

  const move = async (org: string, id: string, to: string, extra: Record<string, unknown> = {}) => {
    const moved = await fx.call(org, Role.LINK_WORKER, TRANSITION, { input: { id, to, ...extra } });
    if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  };

  beforeAll(async () => {
    hub = await startTestHub({ OUTBOX_POLL_MS: '100' });
    fx = new ExchangeFixtures(hub);
    // PST ↔ Live Well covers REFERRER_FEEDBACK (the closed loop); PST ↔ Citizens Advice Bexley does not.
    await fx.activeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['CONTACT', 'NEEDS', 'NOTES'] } });
    await fx.activeAgreement({
      parties: ['pst', 'citizens-advice-bexley'],
      receives: { 'citizens-advice-bexley': ['CONTACT', 'NEEDS'] },
      purposes: ['DIRECT_SUPPORT'],
    });
    caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well', 'citizens-advice-bexley'], categories: ['CONTACT', 'NEEDS', 'NOTES'] });
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((client) => client.dispose()));
  });

  afterAll(() => hub.close());

  it('the recipient hears every step, the sender under REFERRER_FEEDBACK too, a third organisation nothing', async () => {
    const recipient = await subscribeAs('live-well', Role.LINK_WORKER);
    const sender = await subscribeAs('pst', Role.LINK_WORKER);
    const outsider = await subscribeAs('community-connect', Role.LINK_WORKER);
    const id = await send('live-well');
    await move('live-well', id, 'ACKNOWLEDGED');
    await move('live-well', id, 'ACCEPTED');
    await move('live-well', id, 'CONTACTED', { note: 'Spoke to her on the phone.' });

    await until('the recipient to hear four events', () => recipient.events.length >= 4);
    await until('the sender to hear four events', () => sender.events.length >= 4);
    expect(recipient.events.map((e) => [e.referralId, e.type, e.toStatus, e.actor.id])).toEqual([
      [id, 'SENT', 'SENT', 'pst'],
      [id, 'ACKNOWLEDGED', 'ACKNOWLEDGED', 'live-well'],
      [id, 'ACCEPTED', 'ACCEPTED', 'live-well'],
      [id, 'CONTACTED', 'CONTACTED', 'live-well'],
    ]);
    const cursors = recipient.events.map((e) => BigInt(e.cursor));
    expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
    expect(new Set(cursors).size).toBe(4);
    expect(sender.events.map((e) => e.type)).toEqual(['SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'CONTACTED']);
    expect(sender.events.map((e) => e.cursor)).toEqual(recipient.events.map((e) => e.cursor));
    // The recipient's note is its own; the sender's stream withholds it, as the timeline does.
    expect(recipient.events[3].note).toBe('Spoke to her on the phone.');
    expect(sender.events[3].note).toBeNull();
    expect(sender.errors.map((e) => e.extensions?.code)).toContain('FIELD_WITHHELD');

    await pause(500);
    expect(outsider.events).toEqual([]);
    expect(outsider.errors).toEqual([]);
    expect(recipient.errors).toEqual([]);
  });

  it('a sender whose agreement does not cover REFERRER_FEEDBACK hears nothing of that referral', async () => {
    const sender = await subscribeAs('pst', Role.LINK_WORKER, { direction: 'OUTBOUND' });
    const recipient = await subscribeAs('citizens-advice-bexley', Role.LINK_WORKER, { direction: 'INBOUND' });
    const withoutFeedback = await send('citizens-advice-bexley');
    await move('citizens-advice-bexley', withoutFeedback, 'ACKNOWLEDGED');
    // The control: PST's stream is alive and hears its referral to Live Well.
    const withFeedback = await send('live-well');

    await until('the recipient to hear two events', () => recipient.events.length >= 2);
    await until('the sender to hear the control referral', () => sender.events.length >= 1);
    await pause(300);
    expect(recipient.events.map((e) => [e.referralId, e.type])).toEqual([
      [withoutFeedback, 'SENT'],
      [withoutFeedback, 'ACKNOWLEDGED'],
    ]);
    expect(sender.events.map((e) => [e.referralId, e.type])).toEqual([[withFeedback, 'SENT']]);
  });

  it('an inbound-only subscription of the sender hears nothing of what it sent', async () => {
    const inbound = await subscribeAs('pst', Role.LINK_WORKER, { direction: 'INBOUND' });
    const control = await subscribeAs('live-well', Role.LINK_WORKER, { direction: 'INBOUND' });
    await send('live-well');
    await until('the recipient to hear it', () => control.events.length >= 1);
    await pause(300);
    expect(inbound.events).toEqual([]);
  });

  it('a commissioner is refused with FORBIDDEN', async () => {
    const commissioner = await subscribeAs('greenwich-council', Role.COMMISSIONER);
    await until('the refusal', () => commissioner.errors.length > 0 || commissioner.completed);
    expect(commissioner.errors[0].extensions?.code).toBe('FORBIDDEN');
    expect(commissioner.events).toEqual([]);
  });

  it('a connection without a valid token is refused with 4401, and nothing reaches it', async () => {
    const anonymous = subscribe(undefined);
    const forged = subscribe('Bearer not.a.token');
    await until('both sockets to close', () => Boolean(anonymous.closed && forged.closed));
    expect(anonymous.closed?.code).toBe(4401);
    expect(forged.closed?.code).toBe(4401);
    expect([...anonymous.events, ...forged.events]).toEqual([]);
  });

  it('a token that expires mid-stream closes the subscription with 4401', async () => {
    const token = await hub.token('live-well', Role.LINK_WORKER, { ttlSeconds: 3 });
    const shortLived = subscribe(`Bearer ${token}`, { after: await head() });
    const id = await send('live-well');
    await until('the event before expiry', () => shortLived.events.length >= 1);
    await until('the socket to close at exp', () => Boolean(shortLived.closed), 8_000);
    expect(shortLived.closed).toEqual({ code: 4401, reason: 'token expired' });
    await move('live-well', id, 'ACKNOWLEDGED');
    await pause(300);
    expect(shortLived.events.map((e) => e.type)).toEqual(['SENT']);
  });

  it('resumes after a disconnect: `after` replays exactly what was missed, in order', async () => {
    const id = await send('live-well');
    const first = await subscribeAs('live-well', Role.LINK_WORKER, { referralId: id, after: '0' });
    await move('live-well', id, 'ACKNOWLEDGED');
    await until('two events', () => first.events.length >= 2);
    const last = first.events[1].cursor;
    await first.client.dispose();

    await move('live-well', id, 'ACCEPTED');
    await move('live-well', id, 'CONTACTED');
    const resumed = subscribe(`Bearer ${await fx.as('live-well', Role.LINK_WORKER)}`, { referralId: id, after: last });
    await until('the missed events', () => resumed.events.length >= 2);
    await move('live-well', id, 'APPOINTMENT_BOOKED', { appointmentAt: '2026-12-01T10:00:00.000Z', appointmentByPhone: true });
    await until('the live one after them', () => resumed.events.length >= 3);
    await pause(300);
    expect(first.events.map((e) => e.type)).toEqual(['SENT', 'ACKNOWLEDGED']);
    expect(resumed.events.map((e) => e.type)).toEqual(['ACCEPTED', 'CONTACTED', 'APPOINTMENT_BOOKED']);
    expect(BigInt(resumed.events[0].cursor)).toBeGreaterThan(BigInt(last));
  });

  it('withdrawal mid-stream: the recipient hears REVOKED and the referral\'s subscription completes', async () => {
    const ownCase = await fx.createCase('pst');
    const consentId = await fx.recordConsent('pst', ownCase, { recipients: ['live-well'], categories: ['CONTACT', 'NEEDS'] });
    const id = await send('live-well', 'pst', ownCase);
    const following = await subscribeAs('live-well', Role.LINK_WORKER, { referralId: id, after: '0' });
    const everything = await subscribeAs('live-well', Role.LINK_WORKER);
    await move('live-well', id, 'ACKNOWLEDGED');
    await until('the acknowledgement', () => following.events.length >= 2);

    const withdrawn = await fx.call('pst', Role.LINK_WORKER, 'mutation($id: ID!) { withdrawConsent(id: $id, reason: "Asked us to stop") { id status } }', {
      id: consentId,
    });
    expect(withdrawn.errors).toBeUndefined();
    await until('the referral subscription to complete', () => following.completed);
    expect(following.events.map((e) => e.type)).toEqual(['SENT', 'ACKNOWLEDGED', 'REVOKED']);
    await until('the org-wide stream to hear REVOKED', () => everything.events.some((e) => e.type === 'REVOKED'));
    expect(everything.completed).toBe(false);
    expect(following.closed).toBeUndefined();
  });

  it('an agreement suspended mid-stream stops what the sender hears from the next event on', async () => {
    const agreementId = await fx.activeAgreement({ parties: ['pst', 'counselling-matters'], receives: { 'counselling-matters': ['CONTACT', 'NEEDS'] } });
    const ownCase = await fx.createCase('pst');
    await fx.recordConsent('pst', ownCase, { recipients: ['counselling-matters'], categories: ['CONTACT', 'NEEDS'] });
    const sender = await subscribeAs('pst', Role.LINK_WORKER);
    const recipient = await subscribeAs('counselling-matters', Role.LINK_WORKER);
    const id = await send('counselling-matters', 'pst', ownCase);
    await until('the sender to hear SENT', () => sender.events.length >= 1);
    const suspended = await fx.call('pst', Role.SERVICE_ADMIN, 'mutation($id: ID!) { suspendAgreement(id: $id, reason: "Review") { status } }', {
      id: agreementId,
    });
    expect(suspended.errors).toBeUndefined();
    await move('counselling-matters', id, 'ACKNOWLEDGED');
    await until('the recipient to hear both', () => recipient.events.length >= 2);
    await pause(300);
    expect(sender.events.map((e) => e.type)).toEqual(['SENT']);
  });

  it('refuses what is not a valid subscription, with a code and no field suggestions', async () => {
    const token = `Bearer ${await fx.as('live-well', Role.LINK_WORKER)}`;
    const query = subscribe(token, {}, '{ me { orgId } }');
    const misspelt = subscribe(token, {}, 'subscription { referralEvents { idd } }');
    const deep = subscribe(token, {}, `subscription { referralEvents { ${'actor { services { organisation { services { organisation { '.repeat(3)} id ${'} } } } } '.repeat(3)} } }`);
    await until('three refusals', () => query.errors.length > 0 && misspelt.errors.length > 0 && deep.errors.length > 0);
    expect(query.errors[0].extensions?.code).toBe('BAD_REQUEST');
    expect(misspelt.errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(misspelt.errors[0].message).not.toMatch(/Did you mean/);
    expect(deep.errors.map((e) => e.extensions?.code)).toContain('OPERATION_TOO_DEEP');
  });

  it('refuses one socket more subscriptions than GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET, and takes one again once another ends', async () => {
    const first = subscribe(`Bearer ${await fx.as('live-well', Role.LINK_WORKER)}`, { after: await head() });
    const errors: { extensions?: Record<string, unknown> }[] = [];
    const listen = () =>
      first.client.subscribe({ query: EVENTS, variables: { after: '0' } }, {
        next: () => undefined,
        error: (error) => {
          if (Array.isArray(error)) errors.push(...error);
        },
        complete: () => undefined,
      });
    const cancels = Array.from({ length: hub.environment.GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET - 1 }, listen);
    const refused = listen();
    await until('the refusal', () => errors.length > 0);
    expect(errors.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
    refused();
    cancels[0]();
    await pause(200);
    listen();
    await pause(300);
    expect(errors).toHaveLength(1);
  });
});
