import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvironment } from '@hub/platform';
import { composeSupergraph, printSubgraphSdls, type SubgraphSdl } from '../apps/hub/src/compose-supergraph';

describe('the committed supergraph', () => {
  const environment = loadEnvironment({}, { LOG_LEVEL: 'silent' });
  let subgraphs: SubgraphSdl[];
  beforeAll(async () => {
    subgraphs = await printSubgraphSdls(environment);
  });

  it('composes from the subgraphs as the code defines them', () => {
    expect(() => composeSupergraph(subgraphs)).not.toThrow();
  });

  it('is what `npm run compose` would write now (run it after changing a schema)', () => {
    expect(readFileSync(environment.SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph(subgraphs));
  });

  it.each(['exchange', 'directory', 'insights'])('keeps the %s SDL beside its app up to date', (name) => {
    const current = subgraphs.find((s) => s.name === name)?.sdl;
    expect(readFileSync(join('apps', name, 'schema.graphql'), 'utf8')).toBe(current);
  });

  it('refuses to compose subgraphs that disagree', () => {
    const broken = subgraphs.map((s) =>
      s.name === 'directory' ? { ...s, sdl: s.sdl.replace('id: ID!\n\n  """The services', 'id: Int!\n\n  """The services') } : s,
    );
    expect(broken.find((s) => s.name === 'directory')?.sdl).toContain('id: Int!');
    expect(() => composeSupergraph(broken)).toThrow(/does not compose/);
  });

  it('keeps each subgraph to its own types', () => {
    const sdl = (name: string) => subgraphs.find((s) => s.name === name)?.sdl ?? '';
    expect(sdl('exchange')).not.toMatch(/type Service\b/);
    expect(sdl('insights')).not.toMatch(/type Organisation\b/);
    expect(sdl('directory')).not.toMatch(/type Principal\b/);
  });
});
