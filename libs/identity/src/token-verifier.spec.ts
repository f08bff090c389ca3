import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgedTokens } from '@hub/testing';
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
    let forged: Record<string, string>;
    beforeAll(async () => {
      forged = await forgedTokens(trust, dataDir);
    });

    it.each([
      'expired',
      'not yet valid',
      'wrong audience',
      'issuer not bound to the claimed organisation',
      'alg none',
      'HS256 signed with the public key',
      'tampered payload',
      'unknown kid',
      'untrusted issuer',
      'older than the maximum age',
      'unknown role',
      'no subject',
    ])('%s', async (flaw) => {
      await expect(verifier.verify(`Bearer ${forged[flaw]}`)).rejects.toBeInstanceOf(TokenRejected);
    });
  });

  it('tryVerify answers undefined instead of throwing', async () => {
    await expect(verifier.tryVerify('Bearer x.y.z')).resolves.toBeUndefined();
  });
});
