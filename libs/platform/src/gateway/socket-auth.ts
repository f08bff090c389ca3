import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import type { Principal, TokenVerifier } from '@hub/identity';
import { formatHubError } from '../graphql/format-error';

/** Close codes a subscriber sees: 4401 for any token problem, one reason each, never which check failed. */
export const SOCKET_CLOSE = {
  UNAUTHENTICATED: { code: 4401, reason: 'Unauthorized' },
  TOKEN_EXPIRED: { code: 4401, reason: 'token expired' },
  UPSTREAM_GONE: { code: 1011, reason: 'Subscription service unavailable' },
} as const;

/** What a socket carries once its connection_init was accepted. */
export interface SocketSession {
  principal: Principal;
  authorization: string;
  expiryTimer: NodeJS.Timeout;
}

export type SessionExtra = Extra & { session?: SocketSession } & Record<PropertyKey, unknown>;
export type SocketContext = Context<Record<string, unknown> | undefined, SessionExtra>;

/**
 * connection_init: `{ authorization: 'Bearer …' }` is verified like an HTTP request's header; the
 * socket is closed 4401 when it is not, and again at the token's `exp`, so a subscription never
 * outlives the token it was opened with.
 */
export async function openSession(ctx: SocketContext, verifier: TokenVerifier): Promise<SocketSession | undefined> {
  const params = ctx.connectionParams ?? {};
  const authorization = params.authorization ?? params.Authorization;
  const principal = typeof authorization === 'string' ? await verifier.tryVerify(authorization) : undefined;
  if (!principal || typeof authorization !== 'string') {
    ctx.extra.socket.close(SOCKET_CLOSE.UNAUTHENTICATED.code, SOCKET_CLOSE.UNAUTHENTICATED.reason);
    return undefined;
  }
  // Verified above; the Principal does not keep exp, so read it from the (now trusted) token.
  const exp = decodeJwt(authorization.slice('Bearer '.length)).exp as number;
  const delay = Math.min(Math.max(exp * 1000 - Date.now(), 0), 2 ** 31 - 1);
  const expiryTimer = setTimeout(() => ctx.extra.socket.close(SOCKET_CLOSE.TOKEN_EXPIRED.code, SOCKET_CLOSE.TOKEN_EXPIRED.reason), delay);
  expiryTimer.unref();
  const session = { principal, authorization, expiryTimer };
  ctx.extra.session = session;
  return session;
}

export function closeSession(ctx: SocketContext): void {
  if (ctx.extra.session) clearTimeout(ctx.extra.session.expiryTimer);
}

/** Errors over the socket take the same shape as over HTTP (formatHubError). */
export function formatSocketErrors(errors: readonly (GraphQLError | GraphQLFormattedError)[]): GraphQLFormattedError[] {
  return errors.map((error) => formatHubError('toJSON' in error ? (error as GraphQLError).toJSON() : error));
}
