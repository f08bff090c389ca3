import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import { HttpForwardTargets } from '@hub/platform';
import { startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a subgraph's HTTP server was asked, seen from its side. */
function recordRequests(server: Server): { url: string; method: string; headers: IncomingHttpHeaders }[] {
  const seen: { url: string; method: string; headers: IncomingHttpHeaders }[] = [];
  server.on('request', (req: IncomingMessage) => seen.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers }));
  return seen;
}

/** A GET with the path exactly as written (fetch would resolve `..` before sending). */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('The gateway forwards plain HTTP for /oruk/* and /reports/* to the subgraph that serves it', () => {
  let hub: TestHub;
  let gateway: string;
  let directory: string;
  let insights: string;
  let directorySeen: ReturnType<typeof recordRequests>;
  let insightsSeen: ReturnType<typeof recordRequests>;

  beforeAll(async () => {
    hub = await startTestHub();
    gateway = hub.hub.url.replace(/\/graphql$/, '');
    directory = hub.hub.subgraphUrls.directory.replace(/\/graphql$/, '');
    insights = hub.hub.subgraphUrls.insights.replace(/\/graphql$/, '');
    directorySeen = recordRequests(hub.hub.apps.directory.getHttpServer());
    insightsSeen = recordRequests(hub.hub.apps.insights.getHttpServer());
  });
  beforeEach(() => {
    directorySeen.length = 0;
    insightsSeen.length = 0;
  });
  afterAll(() => hub?.close());

  it('serves the ORUK export on the gateway port exactly as the directory serves it', async () => {
    const [viaGateway, direct] = await Promise.all([fetch(`${gateway}/oruk/services`), fetch(`${directory}/oruk/services`)]);
    expect(viaGateway.status).toBe(200);
    expect(viaGateway.headers.get('content-type')).toBe(direct.headers.get('content-type'));
    expect(viaGateway.headers.get('etag')).toBe(direct.headers.get('etag'));
    const page = (await viaGateway.json()) as Json;
    expect(page).toEqual(await direct.json());
    expect(page.total_items).toBeGreaterThan(0);

    const id = page.contents[0].id as string;
    const one = await fetch(`${gateway}/oruk/services/${id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(await (await fetch(`${directory}/oruk/services/${id}`)).json());
    const missing = await fetch(`${gateway}/oruk/services/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(await (await fetch(`${directory}/oruk/services/00000000-0000-4000-8000-000000000000`)).json());
  });

  it('passes the query string and only the headers that matter, and returns 304 for an unchanged ETag', async () => {
    const response = await fetch(`${gateway}/oruk/services?page=2&per_page=5&taxonomy_term=DEBT%20ADVICE`, {
      headers: { authorization: 'Bearer not-checked-here', accept: 'application/json', cookie: 'session=secret', 'x-forwarded-for': '10.0.0.1' },
    });
    expect(response.status).toBe(200);
    expect(directorySeen).toHaveLength(1);
    const [seen] = directorySeen;
    expect(seen.url).toBe('/oruk/services?page=2&per_page=5&taxonomy_term=DEBT%20ADVICE');
    expect(seen.headers.authorization).toBe('Bearer not-checked-here');
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers['x-forwarded-for']).toBeUndefined();
    expect(seen.headers['x-request-id']).toBe(response.headers.get('x-request-id'));

    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    const unchanged = await fetch(`${gateway}/oruk/services`, { headers: { 'if-none-match': etag! } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');

    const head = await fetch(`${gateway}/oruk/services`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^application\/json/);
    expect(directorySeen.at(-1)?.method).toBe('HEAD');
  });

  it('refuses any method but GET and HEAD with 405, without calling the subgraph', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await fetch(`${gateway}/oruk/services`, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(((await response.json()) as Json).error).toBe('Method Not Allowed');
    }
    expect((await fetch(`${gateway}/reports/gap-report.csv`, { method: 'POST' })).status).toBe(405);
    expect(directorySeen).toEqual([]);
    expect(insightsSeen).toEqual([]);
  });

  it('answers 404 itself for a path it does not forward, or one that climbs out of its prefix', async () => {
    for (const path of ['/exchange/anything', '/directory/oruk/services', '/orukservices']) {
      const response = await fetch(`${gateway}${path}`);
      expect([path, response.status]).toEqual([path, 404]);
    }
    expect((await rawGet(gateway, '/oruk/../health/live')).status).toBe(404);
    expect((await rawGet(gateway, '/oruk/%2e%2e/health/live')).status).toBe(404);
    expect((await rawGet(gateway, '/reports/..%2f..%2fgraphql')).status).not.toBe(200);
    expect(directorySeen).toEqual([]);
    expect(insightsSeen.map((r) => r.url)).toEqual(insightsSeen.map(() => expect.stringMatching(/^\/reports\//)));
  });

  it('passes /reports/* to the insights subgraph, with the query string and the caller\'s token', async () => {
    const token = await hub.token('greenwich-council', Role.COMMISSIONER);
    const path = '/reports/gap-report.csv?from=2025-01&to=2025-06&borough=GREENWICH';
    const response = await fetch(`${gateway}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
    expect(insightsSeen.map((r) => [r.method, r.url, r.headers.authorization, r.headers.accept])).toEqual([
      ['GET', path, `Bearer ${token}`, 'text/csv'],
    ]);
    expect(response.status).toBeGreaterThan(0); // the lead asserts the report itself once insights serves it

    // Until then (and for any report that does not exist): the answer is the subgraph's own, Nest's JSON 404.
    const [viaGateway, direct] = await Promise.all([fetch(`${gateway}/reports/no-such-report.csv?x=1`), fetch(`${insights}/reports/no-such-report.csv?x=1`)]);
    expect(viaGateway.status).toBe(404);
    expect(viaGateway.headers.get('content-type')).toBe(direct.headers.get('content-type'));
    const body = await viaGateway.json();
    expect(body).toEqual(await direct.json());
    expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /reports/no-such-report.csv?x=1' });
  });

  // Last: it stops the directory's HTTP server (the hub closes the rest of the app as usual).
  it('answers 502 with a short JSON error when the subgraph is down, and goes on serving the rest', async () => {
    const server: Server = hub.hub.apps.directory.getHttpServer();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    const response = await fetch(`${gateway}/oruk/services`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ statusCode: 502, error: 'Bad Gateway', message: 'The service behind this address is not answering.' });
    expect((await fetch(`${gateway}/health/live`)).status).toBe(200);
  });
});

describe('Where a forwarded path goes (HttpForwardTargets)', () => {
  const targets = new HttpForwardTargets({ exchange: 'http://exchange:4001/graphql', directory: 'http://lb.example/directory/graphql', insights: 'https://insights.example/graphql' });

  it('keeps the subgraph URL\'s own path (behind a load balancer) and the query string as sent', () => {
    expect(targets.resolve('/oruk/services?page=2&q=a%20b')?.href).toBe('http://lb.example/directory/oruk/services?page=2&q=a%20b');
    expect(targets.resolve('/reports/gap-report.csv')?.href).toBe('https://insights.example/reports/gap-report.csv');
  });

  it('goes nowhere for other prefixes or a path that climbs out of its own', () => {
    for (const url of ['/graphql', '/health/live', '/exchange/oruk', '/oruk/../graphql', '/oruk/%2e%2e/graphql', '/oruk/..\\graphql', '//evil.example/oruk']) {
      expect([url, targets.resolve(url)?.href]).toEqual([url, undefined]);
    }
  });

  it('refuses to start without a URL for a subgraph it forwards to', () => {
    expect(() => new HttpForwardTargets({ directory: 'http://127.0.0.1:1/graphql' })).toThrow(/forwards \/reports to the insights subgraph/);
  });
});
