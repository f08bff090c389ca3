import { createHmac } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWTPayload, SignJWT } from 'jose';
import { developmentKeyPair, type TrustConfig } from '@hub/identity';

/** Every way `forgedTokens` breaks a token, by name. */
export const FORGED_TOKEN_FLAWS = [
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
] as const;

/**
 * Tokens an attacker or a broken client might send, each wrong in exactly one way.
 * Built from the organisation's real development key unless the flaw is the key itself.
 */
export async function forgedTokens(trust: TrustConfig, dataDir: string, org = 'pst'): Promise<Record<(typeof FORGED_TOKEN_FLAWS)[number], string>> {
  const { privateJwk, publicJwk } = await developmentKeyPair(dataDir, org);
  const key = await importJWK(privateJwk, 'EdDSA');
  const issuer = trust.organisations[org].issuer;
  const now = Math.floor(Date.now() / 1000);
  const base: JWTPayload = { iss: issuer, aud: trust.audience, sub: 'mallory', org, role: 'LINK_WORKER', iat: now, exp: now + 600 };
  const sign = (payload: JWTPayload, header: Record<string, unknown> = {}) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid: privateJwk.kid, ...header }).sign(key);

  const valid = await sign(base);
  const [header, , signature] = valid.split('.');
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const strangerKey = { ...(await exportJWK(stranger.privateKey)), kid: 'stranger-1' };
  const otherOrg = Object.keys(trust.organisations).find((id) => id !== org) as string;

  const hmacHeader = b64({ alg: 'HS256', typ: 'JWT', kid: privateJwk.kid });
  const hmacBody = b64(base);
  const hmacSignature = createHmac('sha256', JSON.stringify(publicJwk)).update(`${hmacHeader}.${hmacBody}`).digest('base64url');

  return {
    expired: await sign({ ...base, iat: now - 7200, exp: now - 3600 }),
    'not yet valid': await sign({ ...base, nbf: now + 3600 }),
    'wrong audience': await sign({ ...base, aud: 'some-other-hub' }),
    'issuer not bound to the claimed organisation': await sign({ ...base, org: otherOrg }),
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(base)}.`,
    'HS256 signed with the public key': `${hmacHeader}.${hmacBody}.${hmacSignature}`,
    'tampered payload': `${header}.${b64({ ...base, role: 'IG_LEAD' })}.${signature}`,
    'unknown kid': await new SignJWT(base)
      .setProtectedHeader({ alg: 'EdDSA', kid: 'pst-unknown' })
      .sign(await importJWK(strangerKey, 'EdDSA')),
    'untrusted issuer': await new SignJWT({ ...base, iss: 'https://identity.attacker.example' })
      .setProtectedHeader({ alg: 'EdDSA', kid: strangerKey.kid })
      .sign(await importJWK(strangerKey, 'EdDSA')),
    'older than the maximum age': await sign({ ...base, iat: now - 2 * 86400, exp: now + 600 }),
    'unknown role': await sign({ ...base, role: 'SUPERUSER' }),
    'no subject': await sign({ ...base, sub: undefined }),
  };
}
