import { readLandscape } from '@hub/platform';
import { startTestHub, type TestHub } from '@hub/testing';
import { Role, ROLES } from '@hub/vocabulary';

const landscape = readLandscape('config/landscape.thamesmead.json');

describe('a caller with a valid token from its own organisation', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it.each(landscape.organisations.map((o) => [o.slug, o.name]))('%s: `me` names the caller and its organisation', async (slug, name) => {
    const token = await hub.token(slug, Role.LINK_WORKER, { user: `${slug}-worker` });
    const response = await hub.graphql<{ me: Record<string, unknown> }>(
      '{ me { orgId userId role scopes organisation { id name } } }',
      { token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.me).toEqual({
      orgId: slug,
      userId: `${slug}-worker`,
      role: 'LINK_WORKER',
      scopes: [],
      organisation: { id: slug, name },
    });
  });

  it.each(ROLES)('the role %s comes through as the token says', async (role) => {
    const token = await hub.token('live-well', role, { scopes: ['referrals:read'] });
    const response = await hub.graphql<{ me: { role: string; scopes: string[] } }>('{ me { role scopes } }', { token });
    expect(response.data?.me).toEqual({ role, scopes: ['referrals:read'] });
  });

  it('lists every organisation of the Thamesmead landscape with its kind and borough', async () => {
    const token = await hub.token('greenwich-council', Role.COMMISSIONER);
    const response = await hub.graphql<{ organisations: { id: string; kind: string; borough: string }[] }>(
      '{ organisations { id kind borough } }',
      { token },
    );
    expect(response.data?.organisations).toHaveLength(landscape.organisations.length);
    expect(response.data?.organisations).toEqual(
      expect.arrayContaining([
        { id: 'pst', kind: 'SOCIAL_PRESCRIBING_SERVICE', borough: 'BEXLEY' },
        { id: 'live-well', kind: 'SOCIAL_PRESCRIBING_SERVICE', borough: 'GREENWICH' },
        { id: 'community-connect', kind: 'SOCIAL_PRESCRIBING_SERVICE', borough: 'BEXLEY' },
        { id: 'citizens-advice-bexley', kind: 'PARTNER_AGENCY', borough: 'BEXLEY' },
        { id: 'lakeside-health-centre', kind: 'REFERRER', borough: 'BEXLEY' },
        { id: 'greenwich-council', kind: 'COMMISSIONER', borough: 'GREENWICH' },
        { id: 'bexley-council', kind: 'COMMISSIONER', borough: 'BEXLEY' },
      ]),
    );
  });

  it('reaches a subgraph directly too: each subgraph verifies the token itself', async () => {
    const token = await hub.token('pst', Role.SERVICE_ADMIN);
    const response = await hub.graphql<{ me: { orgId: string } }>('{ me { orgId } }', {
      token,
      url: hub.hub.subgraphUrls.exchange,
    });
    expect(response.data?.me.orgId).toBe('pst');
  });
});
