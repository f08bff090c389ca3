import { startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

/** `{ me { organisation { services { organisation { services ... } } } } }`, `levels` deep. */
function deepQuery(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `services { organisation { ${selection} } }`;
  return `{ me { organisation { ${selection} } } }`;
}

describe('an operation beyond the gateway limits', () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    // A low cost ceiling, so a plausible query shows the cost limit at work.
    hub = await startTestHub({ GRAPHQL_MAX_COST: '300' });
    token = await hub.token('pst', Role.INTEGRATOR);
  });
  afterAll(() => hub.close());

  async function expectRefusedWith(query: string, code: string) {
    const response = await hub.graphql(query, { token });
    expect(response.data).toBeUndefined();
    expect(response.errors?.map((e) => e.extensions?.code)).toContain(code);
    // The limit itself is not revealed: no numbers in any message.
    for (const error of response.errors ?? []) expect(error.message).not.toMatch(/\d/);
  }

  it('answers a reasonably nested query', async () => {
    const response = await hub.graphql(deepQuery(2), { token });
    expect(response.errors).toBeUndefined();
  });

  it('refuses a depth bomb with OPERATION_TOO_DEEP', async () => {
    await expectRefusedWith(deepQuery(8), 'OPERATION_TOO_DEEP');
  });

  it('refuses an alias bomb with OPERATION_TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: organisations { id }`).join(' ');
    await expectRefusedWith(`{ ${aliases} }`, 'OPERATION_TOO_MANY_ALIASES');
  });

  it('refuses an oversized query with OPERATION_TOO_LARGE', async () => {
    const fields = Array.from({ length: 2500 }, () => 'id').join(' ');
    await expectRefusedWith(`{ organisations { ${fields} } }`, 'OPERATION_TOO_LARGE');
  });

  it('refuses a costly query with OPERATION_TOO_COSTLY', async () => {
    const wide = 'id name kind borough description services { id name needs capacity eligibilityNote organisation { id name kind borough description } }';
    const aliases = Array.from({ length: 10 }, (_, i) => `o${i}: organisations { ${wide} }`).join(' ');
    await expectRefusedWith(`{ ${aliases} }`, 'OPERATION_TOO_COSTLY');
  });

  it('does not suggest field names to a caller who guesses', async () => {
    const response = await hub.graphql('{ organisation { id } }', { token });
    expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean/);
  });
});

describe('the gateway in production', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ NODE_ENV: 'production' });
  });
  afterAll(() => hub.close());

  it('refuses introspection, even to an authenticated caller', async () => {
    const token = await hub.token('pst', Role.SERVICE_ADMIN);
    const response = await hub.graphql('{ __schema { types { name } } }', { token });
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still answers ordinary queries', async () => {
    const token = await hub.token('pst', Role.SERVICE_ADMIN);
    const response = await hub.graphql<{ me: { orgId: string } }>('{ me { orgId } }', { token });
    expect(response.data?.me.orgId).toBe('pst');
  });
});
