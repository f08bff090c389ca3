import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORGED_TOKEN_FLAWS, forgedTokens } from '@hub/testing';
import { Role } from '@hub/vocabulary';
import { mintDevelopmentToken } from './development-tokens';
import { readTrustConfig, type TrustConfig } from './trust-config';
import { TrustRegistry } from './trust-registry';
import { TokenRejected, TokenVerifier } from './token-verifier';

describe('TokenVerifier', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'verifier-'));
  const trust: TrustConfig = readTrustConfig('config/trust.development.json');
  let verifier: TokenVerifier;

  beforeAll(async () => {
    verifier = new TokenVerifier(await TrustRegistry.load(trust, dataDir), {
      maxTokenAgeSeconds: 12 * 3600,
      clockToleranceSeconds: 30,
    });
  });

  it('accepts a development token and returns the principal it names', async () => {
    const token = await mintDevelopmentToken(trust, dataDir, {
      org: 'live-well',
      role: Role.INTEGRATOR,
      user: 'crm',
      scopes: ['referrals:read', 'referrals:write'],
    });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({
      orgId: 'live-well',
      userId: 'crm',
      role: Role.INTEGRATOR,
      scopes: ['referrals:read', 'referrals:write'],
    });
  });

  it.each([undefined, '', 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearer not-a-jwt'])('refuses the header %p', async (header) => {
    await expect(verifier.verify(header)).rejects.toBeInstanceOf(TokenRejected);
  });

  describe('refuses a forged or broken token', () => {
    let forged: Awaited<ReturnType<typeof forgedTokens>>;
    beforeAll(async () => {
      forged = await forgedTokens(trust, dataDir);
    });

    it.each(FORGED_TOKEN_FLAWS)('%s', async (flaw) => {
      await expect(verifier.verify(`Bearer ${forged[flaw]}`)).rejects.toBeInstanceOf(TokenRejected);
    });
  });

  it('tryVerify answers undefined instead of throwing', async () => {
    await expect(verifier.tryVerify('Bearer x.y.z')).resolves.toBeUndefined();
  });
});
