import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryService, importOrukFile, orukValidator, THAMESMEAD_ORUK_FILE } from '@hub/directory';
import { readLandscape } from '@hub/platform';
import { startTestHub, type TestHub } from '@hub/testing';
import { Role } from '@hub/vocabulary';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Open Referral UK: export at a URL, import from a file', () => {
  let hub: TestHub;
  let exportUrl: string;
  let directory: DirectoryService;
  const landscape = readLandscape('config/landscape.thamesmead.json');
  const dir = mkdtempSync(join(tmpdir(), 'oruk-'));
  const file = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  };

  beforeAll(async () => {
    hub = await startTestHub();
    exportUrl = hub.hub.subgraphUrls.directory.replace(/\/graphql$/, '/oruk/services');
    directory = hub.hub.apps.directory.get(DirectoryService);
  });
  afterAll(() => hub.close());

  it('exports every seeded service, each valid against the ORUK service and organization schemas', async () => {
    const response = await fetch(exportUrl);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Json;
    expect(page.total_items).toBe(landscape.services.length);
    for (const service of page.contents as Json[]) {
      expect(orukValidator('service')(service) ? [] : orukValidator('service').errors).toEqual([]);
      expect(orukValidator('organization')(service.organization) ? [] : orukValidator('organization').errors).toEqual([]);
    }
    const lrmn = (page.contents as Json[]).find((s) => s.organization.organization_identifiers[0].identifier === 'lrmn');
    expect(lrmn?.attributes.map((a: Json) => a.taxonomy_term.term)).toEqual(expect.arrayContaining(['IMMIGRATION', 'WAITLIST', 'ONE_TO_3_MONTHS']));
  });

  it('exports one service by id, and answers 404 for an unknown one', async () => {
    const page = (await (await fetch(exportUrl)).json()) as Json;
    const one = await fetch(`${exportUrl}/${page.contents[0].id}`);
    expect(((await one.json()) as Json).name).toBe(page.contents[0].name);
    expect((await fetch(`${exportUrl}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('imports what it exports without change (the shipped file is the seed)', async () => {
    const result = await importOrukFile(directory, THAMESMEAD_ORUK_FILE, landscape);
    expect(result).toEqual({ imported: landscape.services.length, rejected: [] });
  });

  it('refuses a file that is not JSON, or not ORUK at all, and writes nothing', async () => {
    await expect(importOrukFile(directory, file('broken.json', '{"contents": [ {"id": '), landscape)).rejects.toThrow(/JSON/);
    await expect(importOrukFile(directory, file('other.json', '{"hello": "world"}'), landscape)).rejects.toThrow(/Not an Open Referral UK document/);
  });

  it('imports the valid services of a file and reports each rejected one and why', async () => {
    const page = (await (await fetch(exportUrl)).json()) as Json;
    const valid = { ...page.contents[0], id: '7b0e5f0e-2d4f-4c1e-9a55-2f1f8a3f0a01', name: 'Positive Steps evening clinic' };
    const noStatus = { ...page.contents[0], id: '7b0e5f0e-2d4f-4c1e-9a55-2f1f8a3f0a02', status: undefined };
    const badUuid = { ...page.contents[0], id: 'not-a-uuid' };
    const unknownOrg = { ...page.contents[0], id: '7b0e5f0e-2d4f-4c1e-9a55-2f1f8a3f0a03', organization: { ...page.contents[0].organization, organization_identifiers: [] } };
    const badPostcode = JSON.parse(JSON.stringify({ ...page.contents[0], id: '7b0e5f0e-2d4f-4c1e-9a55-2f1f8a3f0a04' }));
    badPostcode.service_at_locations[0].location.addresses[0].postal_code = 'ABC 1234';
    const result = await importOrukFile(directory, file('mixed.json', JSON.stringify({ contents: [valid, noStatus, badUuid, unknownOrg, badPostcode] })), landscape);
    expect(result.imported).toBe(1);
    expect(result.rejected.map((r) => [r.index, r.reasons.join(' | ')])).toEqual([
      [1, expect.stringContaining("must have required property 'status'")],
      [2, expect.stringContaining('/id must match format "uuid"')],
      [3, expect.stringContaining('no identifier with scheme "thamesmead-hub"')],
      [4, expect.stringContaining('postal_code "ABC 1234" is not a UK postcode')],
    ]);
    const services = await hub.graphql<{ services: { name: string }[] }>('{ services(need: DEBT) { name } }', { token: await hub.token('pst', Role.LINK_WORKER) });
    expect(services.data?.services.map((s) => s.name)).toContain('Positive Steps evening clinic');
  });

  it('refuses, with --org, services of another organisation, and never moves a service between organisations', async () => {
    const page = (await (await fetch(exportUrl)).json()) as Json;
    const pst = page.contents.find((s: Json) => s.organization.organization_identifiers[0].identifier === 'pst');
    const onlyLiveWell = await importOrukFile(directory, file('pst.json', JSON.stringify([pst])), landscape, 'live-well');
    expect(onlyLiveWell.rejected[0].reasons).toEqual(['belongs to pst, not live-well, the organisation importing']);
    const moved = JSON.parse(JSON.stringify(pst));
    moved.organization.organization_identifiers[0].identifier = 'metro-gad';
    const stolen = await importOrukFile(directory, file('moved.json', JSON.stringify([moved])), landscape);
    expect(stolen).toMatchObject({ imported: 0, rejected: [{ reasons: ["this id is pst's service; it cannot move to metro-gad"] }] });
  });
});
