import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { developmentKeyPair } from './development-keys';
import type { TrustConfig } from './trust-config';

export interface TrustedIssuer {
  orgId: string;
  issuer: string;
  keys: JWTVerifyGetKey;
}

/** Issuer → the one organisation it may speak for, with that organisation's keys. */
export class TrustRegistry {
  private constructor(
    readonly audience: string,
    private readonly byIssuer: ReadonlyMap<string, TrustedIssuer>,
  ) {}

  static async load(config: TrustConfig, dataDir: string): Promise<TrustRegistry> {
    const byIssuer = new Map<string, TrustedIssuer>();
    for (const [orgId, entry] of Object.entries(config.organisations)) {
      let keys: JWTVerifyGetKey;
      if ('uri' in entry.jwks) {
        keys = createRemoteJWKSet(new URL(entry.jwks.uri), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
      } else if ('keys' in entry.jwks) {
        keys = createLocalJWKSet({ keys: entry.jwks.keys });
      } else {
        const { publicJwk } = await developmentKeyPair(dataDir, orgId);
        keys = createLocalJWKSet({ keys: [publicJwk] });
      }
      byIssuer.set(entry.issuer, { orgId, issuer: entry.issuer, keys });
    }
    return new TrustRegistry(config.audience, byIssuer);
  }

  forIssuer(issuer: unknown): TrustedIssuer | undefined {
    return typeof issuer === 'string' ? this.byIssuer.get(issuer) : undefined;
  }

  organisationIds(): string[] {
    return [...this.byIssuer.values()].map((t) => t.orgId);
  }
}
