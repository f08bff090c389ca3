import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface DevelopmentKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

function keyPath(dataDir: string, orgId: string): string {
  return join(dataDir, 'keys', `${orgId}.private.jwk.json`);
}

/**
 * Loads an organisation's development signing key, creating it on first use. Created with `wx` so
 * the hub and `npm run token` racing on a fresh data directory still agree on one key.
 */
export async function developmentKeyPair(dataDir: string, orgId: string): Promise<DevelopmentKeyPair> {
  const path = keyPath(dataDir, orgId);
  try {
    return toPair(JSON.parse(readFileSync(path, 'utf8')) as JWK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid: `${orgId}-dev-1`, alg: 'EdDSA', use: 'sig' };
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, JSON.stringify(privateJwk, null, 2), { flag: 'wx', mode: 0o600 });
    return toPair(privateJwk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return toPair(JSON.parse(readFileSync(path, 'utf8')) as JWK);
  }
}

function toPair(privateJwk: JWK): DevelopmentKeyPair {
  const { d: _d, ...publicJwk } = privateJwk;
  return { privateJwk, publicJwk };
}
