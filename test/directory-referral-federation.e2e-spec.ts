import { randomUUID } from 'node:crypto';
import { seededServiceId } from '@hub/directory';
import { ExchangeFixtures, postGraphQL, startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

const SEND = 'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id serviceId } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Referral { id caseId serviceId } } }';
const LIVE_WELL = seededServiceId('live-well', 'Live Well social prescribing');

describe('Referral.recipientService across the exchange and the directory', () => {
  let hub: TestHub;
  let fx: ExchangeFixtures;
  let referralId: string;

  beforeAll(async () => {
    hub = await startTestHub();
    fx = new ExchangeFixtures(hub);
    await fx.activeAgreement({ parties: ['pst', 'live-well'], receives: { 'live-well': ['CONTACT', 'NEEDS'] } });
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['CONTACT', 'NEEDS'] });
    const sent = await fx.ok<{ sendReferral: { id: string; serviceId: string } }>('pst', Role.LINK_WORKER, SEND, {
      input: { caseId, recipientId: 'live-well', needs: ['LONELINESS'], idempotencyKey: randomUUID(), serviceId: LIVE_WELL.toUpperCase() },
    });
    referralId = sent.sendReferral.id;
    expect(sent.sendReferral.serviceId).toBe(LIVE_WELL);
  });
  afterAll(() => hub.close());

  it('resolves the referral (exchange) with its recipient service and that service\'s organisation in one request', async () => {
    for (const org of ['pst', 'live-well']) {
      const response = await fx.call<{ referral: { status: string; recipientService: { name: string; capacity: string; organisation: { name: string } } } }>(
        org, Role.LINK_WORKER, 'query($id: ID!) { referral(id: $id) { status recipientService { name capacity organisation { name } } } }', { id: referralId },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.referral.recipientService).toEqual({ name: 'Live Well social prescribing', capacity: 'OPEN', organisation: { name: 'Live Well Greenwich' } });
    }
  });

  it('gives a third organisation neither the referral nor its service through the gateway', async () => {
    const response = await fx.call<{ referral: null }>('community-connect', Role.LINK_WORKER, 'query($id: ID!) { referral(id: $id) { recipientService { name } } }', { id: referralId });
    expect(response.data?.referral ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('REFERRAL_NOT_VISIBLE');
  });

  it('refuses an _entities lookup of the referral, straight at the exchange, to anyone but sender and recipient', async () => {
    const representations = [{ __typename: 'Referral', id: referralId }];
    const stranger = await postGraphQL<{ _entities: unknown[] }>(hub.hub.subgraphUrls.exchange, ENTITIES, {
      token: await hub.token('community-connect', Role.SERVICE_ADMIN),
      variables: { r: representations },
    });
    expect(stranger.data?._entities ?? [null]).toEqual([null]);
    expect(stranger.errors?.[0].extensions?.code).toBe('REFERRAL_NOT_VISIBLE');
    const commissioner = await postGraphQL<{ _entities: unknown[] }>(hub.hub.subgraphUrls.exchange, ENTITIES, {
      token: await hub.token('greenwich-council', Role.COMMISSIONER),
      variables: { r: representations },
    });
    expect(commissioner.errors?.[0].extensions?.code).toBe('REFERRAL_NOT_VISIBLE');
    const sender = await postGraphQL<{ _entities: { id: string; serviceId: string }[] }>(hub.hub.subgraphUrls.exchange, ENTITIES, {
      token: await hub.token('pst', Role.LINK_WORKER),
      variables: { r: representations },
    });
    expect(sender.data?._entities).toEqual([{ id: referralId, caseId: expect.any(String), serviceId: LIVE_WELL }]);
  });

  it('refuses a serviceId that is not a UUID with BAD_USER_INPUT, and sends nothing', async () => {
    const caseId = await fx.createCase('pst');
    await fx.recordConsent('pst', caseId, { recipients: ['live-well'], categories: ['NEEDS'] });
    const response = await fx.call('pst', Role.LINK_WORKER, SEND, {
      input: { caseId, recipientId: 'live-well', needs: ['LONELINESS'], idempotencyKey: randomUUID(), serviceId: 'live-well' },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serviceId' });
    const [{ n }] = await fx.exchangeDatabase().query('SELECT count(*)::int AS n FROM exchange.referrals WHERE case_id = $1', [caseId]);
    expect(n).toBe(0);
  });
});
