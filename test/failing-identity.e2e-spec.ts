import { readTrustConfig } from '@hub/identity';
import { FORGED_TOKEN_FLAWS, forgedTokens, startTestHub, type TestHub } from '@hub/testing';


const UNAUTHENTICATED_MESSAGE = 'Authentication required: send a valid bearer token from a trusted issuer.';

describe('a caller without a valid token', () => {
  let hub: TestHub;
  let forged: Awaited<ReturnType<typeof forgedTokens>>;
  let targets: [string, string][];

  beforeAll(async () => {
    hub = await startTestHub();
    forged = await forgedTokens(readTrustConfig(hub.environment.TRUST_CONFIG), hub.environment.HUB_DATA_DIR);
    targets = [['the gateway', hub.hub.url], ...Object.entries(hub.hub.subgraphUrls)];
  });
  afterAll(() => hub.close());

  /** Refused with 401 and UNAUTHENTICATED, the same words whatever the flaw, and no data at all. */
  async function expectRefused(url: string, token: string | undefined, query = '{ me { orgId } organisations { id } }') {
    const response = await hub.graphql(query, { token, url });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([{ message: UNAUTHENTICATED_MESSAGE, extensions: { code: 'UNAUTHENTICATED' } }]);
  }

  it('is refused at the gateway and at every subgraph when no token is sent', async () => {
    for (const [, url] of targets) await expectRefused(url, undefined);
  });

  it.each(FORGED_TOKEN_FLAWS)('is refused everywhere when the token is %s', async (flaw) => {
    for (const [, url] of targets) await expectRefused(url, forged[flaw]);
  });

  it('cannot ask a subgraph for entities or its SDL without a token', async () => {
    await expectRefused(hub.hub.subgraphUrls.exchange, undefined, '{ _service { sdl } }');
    await expectRefused(
      hub.hub.subgraphUrls.directory,
      undefined,
      '{ _entities(representations: [{ __typename: "Organisation", id: "pst" }]) { ... on Organisation { services { name } } } }',
    );
  });

  it('cannot introspect the schema without a token', async () => {
    await expectRefused(hub.hub.url, undefined, '{ __schema { types { name } } }');
  });
});
