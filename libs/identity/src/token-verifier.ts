import { Logger } from '@nestjs/common';
import { decodeJwt, jwtVerify } from 'jose';
import { isRole } from '@hub/vocabulary';
import type { Principal } from './principal';
import { SIGNING_ALGORITHMS } from './signing-algorithms';
import type { TrustRegistry } from './trust-registry';

export interface TokenPolicy {
  maxTokenAgeSeconds: number;
  clockToleranceSeconds: number;
}

/** Why a token was refused: logged for operators, never told to the caller. */
export class TokenRejected extends Error {}

/**
 * Verifies a bearer token: pinned algorithms, a trusted issuer bound to the organisation the token
 * claims, the hub's audience, exp/nbf with a small tolerance, a maximum age, and a known role.
 */
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);

  constructor(private readonly registry: TrustRegistry, private readonly policy: TokenPolicy) {}

  async verify(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(authorization ?? '');
    if (!match) throw new TokenRejected('no bearer token');
    const token = match[1];
    let unverifiedIssuer: unknown;
    try {
      unverifiedIssuer = decodeJwt(token).iss;
    } catch {
      throw new TokenRejected('malformed token');
    }
    // The issuer only chooses which keys to try; nothing is trusted until the signature holds.
    const trusted = this.registry.forIssuer(unverifiedIssuer);
    if (!trusted) throw new TokenRejected('untrusted issuer');
    const { payload } = await jwtVerify(token, trusted.keys, {
      algorithms: [...SIGNING_ALGORITHMS],
      issuer: trusted.issuer,
      audience: this.registry.audience,
      maxTokenAge: this.policy.maxTokenAgeSeconds,
      clockTolerance: this.policy.clockToleranceSeconds,
      requiredClaims: ['sub', 'iat', 'exp', 'org', 'role'],
    }).catch((error: Error) => {
      throw new TokenRejected(`${error.name}: ${error.message}`);
    });
    if (payload.org !== trusted.orgId) throw new TokenRejected('issuer not bound to claimed organisation');
    if (!isRole(payload.role)) throw new TokenRejected('unknown role');
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    return {
      orgId: trusted.orgId,
      userId: String(payload.sub),
      role: payload.role,
      scopes: scope.split(' ').filter(Boolean),
    };
  }

  /** Like `verify`, but logs the reason and returns undefined. */
  async tryVerify(authorization: string | undefined): Promise<Principal | undefined> {
    try {
      return await this.verify(authorization);
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error;
      this.logger.debug(`token refused: ${error.message}`);
      return undefined;
    }
  }
}
