import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTrustConfig } from './trust-config';

function trustFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'trust-')), 'trust.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('readTrustConfig', () => {
  it('reads the development trust with one issuer per seeded organisation', () => {
    const trust = readTrustConfig('config/trust.development.json');
    expect(Object.keys(trust.organisations)).toEqual(
      expect.arrayContaining(['pst', 'live-well', 'community-connect', 'greenwich-council', 'bexley-council']),
    );
  });

  it('refuses one issuer bound to two organisations', () => {
    const path = trustFile({
      audience: 'hub',
      organisations: {
        pst: { issuer: 'https://id.example', jwks: { generated: true } },
        'live-well': { issuer: 'https://id.example', jwks: { generated: true } },
      },
    });
    expect(() => readTrustConfig(path)).toThrow(/bound to both pst and live-well/);
  });

  it('refuses an organisation without keys', () => {
    const path = trustFile({ audience: 'hub', organisations: { pst: { issuer: 'https://id.example' } } });
    expect(() => readTrustConfig(path)).toThrow(/organisations\.pst\.jwks/);
  });

  it('refuses a missing audience', () => {
    const path = trustFile({ organisations: {} });
    expect(() => readTrustConfig(path)).toThrow(/audience/);
  });
});
