import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';

/** One organisation's identity provider, as the hub trusts it. */
export interface TrustedIssuerConfig {
  issuer: string;
  /** `uri`: a remote JWKS; `keys`: inline public keys; `generated`: development keys under the data directory. */
  jwks: { uri: string } | { keys: JWK[] } | { generated: true };
}

export interface TrustConfig {
  audience: string;
  organisations: Record<string, TrustedIssuerConfig>;
}

/** Reads the trust file and refuses one that would let an issuer speak for two organisations. */
export function readTrustConfig(path: string): TrustConfig {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as TrustConfig;
  if (typeof raw.audience !== 'string' || !raw.audience) {
    throw new Error(`Trust config ${path}: "audience" must be a non-empty string`);
  }
  const seen = new Map<string, string>();
  for (const [orgId, entry] of Object.entries(raw.organisations ?? {})) {
    if (typeof entry.issuer !== 'string' || !entry.issuer) {
      throw new Error(`Trust config ${path}: organisations.${orgId}.issuer must be a non-empty string`);
    }
    const jwks = entry.jwks as Record<string, unknown> | undefined;
    if (!jwks || !('uri' in jwks || 'keys' in jwks || 'generated' in jwks)) {
      throw new Error(`Trust config ${path}: organisations.${orgId}.jwks needs "uri", "keys" or "generated"`);
    }
    const other = seen.get(entry.issuer);
    if (other) {
      throw new Error(`Trust config ${path}: issuer ${entry.issuer} is bound to both ${other} and ${orgId}`);
    }
    seen.set(entry.issuer, orgId);
  }
  return raw;
}
