import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Principal } from '@hub/identity';
import { isRole } from '@hub/vocabulary';
import type { GapReportInput } from './gap-report.input';

/** How long a report's CSV link works: a week of spreadsheet refreshes. */
export const TICKET_TTL_SECONDS = 7 * 24 * 3600;
const AUDIENCE = 'thamesmead-hub:gap-report.csv';

/** A key for tickets only, derived from insights' secret so that it is never the noise key itself. */
function ticketKey(secret: Buffer): Uint8Array {
  return createHmac('sha256', secret).update('gap-report csv ticket').digest();
}

/**
 * A signed link a spreadsheet can fetch without a bearer token: it carries the question and who asked,
 * so the CSV is the same report, for the same caller, audited again on each fetch.
 */
export function signTicket(secret: Buffer, principal: Principal, input: GapReportInput, now: Date): Promise<string> {
  return new SignJWT({ org: principal.orgId, role: principal.role, q: input })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.userId)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + TICKET_TTL_SECONDS)
    .sign(ticketKey(secret));
}

export async function readTicket(secret: Buffer, ticket: string, now: Date): Promise<{ principal: Principal; input: Record<string, unknown> }> {
  const { payload } = await jwtVerify(ticket, ticketKey(secret), { algorithms: ['HS256'], audience: AUDIENCE, currentDate: now });
  if (typeof payload.org !== 'string' || typeof payload.sub !== 'string' || !isRole(payload.role) || typeof payload.q !== 'object') {
    throw new Error('ticket claims malformed');
  }
  return { principal: { orgId: payload.org, userId: payload.sub, role: payload.role, scopes: [] }, input: payload.q as Record<string, unknown> };
}
