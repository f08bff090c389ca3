import { startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

describe('the supergraph through the gateway', () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startTestHub();
    token = await hub.token('pst', Role.LINK_WORKER);
  });
  afterAll(() => hub.close());

  it('resolves Organisation (exchange) with its services (directory) in one request', async () => {
    const response = await hub.graphql<{ organisations: { id: string; name: string; services: { name: string; needs: string[] }[] }[] }>(
      '{ organisations { id name services { name needs acceptsResidence acceptsGpRegistration } } }',
      { token },
    );
    expect(response.errors).toBeUndefined();
    const byId = new Map(response.data?.organisations.map((o) => [o.id, o]));
    expect(byId.get('live-well')?.services).toEqual([
      expect.objectContaining({ name: 'Live Well social prescribing', acceptsResidence: ['GREENWICH'], acceptsGpRegistration: ['GREENWICH'] }),
    ]);
    expect(byId.get('thamesmead-foodbank')?.services[0].needs).toEqual(['EMERGENCY_FOOD', 'LONGER_TERM_FOOD']);
    expect(byId.get('greenwich-council')?.services).toEqual([]);
  });

  it('resolves Service (directory) back to its Organisation (exchange)', async () => {
    const response = await hub.graphql<{ services: { name: string; organisation: { id: string; name: string; kind: string } }[] }>(
      '{ services(need: COUNSELLING, borough: BEXLEY) { name organisation { id name kind } } }',
      { token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.services.map((s) => s.organisation.id).sort()).toEqual(['counselling-matters', 'pst']);
    expect(response.data?.services.find((s) => s.organisation.id === 'pst')?.organisation).toEqual({
      id: 'pst',
      name: 'Positive Steps Thamesmead',
      kind: 'SOCIAL_PRESCRIBING_SERVICE',
    });
  });

  it('keeps the caller request id and hands it back', async () => {
    const response = await hub.graphql('{ me { orgId } }', { token, headers: { 'x-request-id': 'trace-me-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
  });

  it('answers introspection outside production', async () => {
    const response = await hub.graphql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }', { token });
    expect(response.data?.__schema.queryType.name).toBe('Query');
  });

  it('reports liveness and readiness without a token, on the gateway and each subgraph', async () => {
    const bases = [hub.hub.url, ...Object.values(hub.hub.subgraphUrls)].map((url) => url.replace(/\/graphql$/, ''));
    for (const base of bases) {
      for (const probe of ['live', 'ready']) {
        const response = await fetch(`${base}/health/${probe}`);
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ status: 'ok' });
      }
    }
  });
});
