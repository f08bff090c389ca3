import { importJWK, SignJWT } from 'jose';
import type { Role } from '@hub/vocabulary';
import { developmentKeyPair } from './development-keys';
import type { TrustConfig } from './trust-config';

export interface DevelopmentTokenRequest {
  org: string;
  role: Role;
  user?: string;
  ttlSeconds?: number;
  scopes?: string[];
}

/** Signs a token as the organisation's development issuer would. Development trust only. */
export async function mintDevelopmentToken(
  trust: TrustConfig,
  dataDir: string,
  request: DevelopmentTokenRequest,
): Promise<string> {
  const entry = trust.organisations[request.org];
  if (!entry) throw new Error(`Unknown organisation "${request.org}"; known: ${Object.keys(trust.organisations).join(', ')}`);
  if (!('generated' in entry.jwks)) {
    throw new Error(`Organisation "${request.org}" uses its own identity provider; tokens come from it, not from the hub`);
  }
  const { privateJwk } = await developmentKeyPair(dataDir, request.org);
  const key = await importJWK(privateJwk, 'EdDSA');
  const jwt = new SignJWT({
    org: request.org,
    role: request.role,
    ...(request.scopes?.length ? { scope: request.scopes.join(' ') } : {}),
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: privateJwk.kid, typ: 'JWT' })
    .setIssuer(entry.issuer)
    .setAudience(trust.audience)
    .setSubject(request.user ?? `${request.org}-${request.role.toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 3600}s`);
  return jwt.sign(key);
}
