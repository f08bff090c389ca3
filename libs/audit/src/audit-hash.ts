import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The link before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Exactly what is hashed: every column but `seq` and `hash`, named as the columns are. */
export interface AuditContent {
  id: string;
  /** ISO 8601 in UTC with milliseconds, e.g. 2025-11-23T09:30:00.123Z. */
  recorded_at: string;
  actor_org: string;
  actor_user: string;
  actor_role: string;
  action: string;
  case_id: string | null;
  subject_type: string;
  subject_id: string;
  purpose: string | null;
  agreement_id: string | null;
  consent_id: string | null;
  fields: string[];
  withheld: string[];
  detail: Record<string, unknown>;
  prev_hash: string;
}

/** sha256 of the previous link and this row's canonical content: changing either changes the hash. */
export function auditHash(content: AuditContent): string {
  return createHash('sha256').update(`${content.prev_hash}\n${canonicalJson(content)}`, 'utf8').digest('hex');
}

/** A row's content but the two values the chain fixes when it is appended: the previous link and the time. */
export type AuditBody = Omit<AuditContent, 'prev_hash' | 'recorded_at'>;

/**
 * auditHash's hashed text in three pieces around the two values only known once the chain is held
 * (the previous link, and the time it was taken): canonicalJson(content) is exactly
 * `pieces[0] + prev_hash + pieces[1] + recorded_at + pieces[2]`. The database joins them when it
 * appends (exchange.audit_append), so a row hashed there is the row auditHash and the verifier check.
 */
export function auditHashPieces(body: AuditBody): [string, string, string] {
  const record = body as unknown as Record<string, unknown>;
  const own = Object.keys(record).filter((key) => key !== 'prev_hash' && key !== 'recorded_at' && record[key] !== undefined);
  // Sorted as canonicalJson sorts; 'prev_hash' comes before 'recorded_at'.
  const keys = [...own, 'prev_hash', 'recorded_at'].sort();
  const pieces: string[] = [];
  let piece = '{';
  keys.forEach((key, i) => {
    piece += `${i > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    if (key === 'prev_hash' || key === 'recorded_at') {
      // Both are plain ASCII (hex digits; an ISO time), which JSON writes as they are between quotes.
      pieces.push(`${piece}"`);
      piece = '"';
    } else {
      piece += canonicalJson(record[key]);
    }
  });
  pieces.push(`${piece}}`);
  return pieces as [string, string, string];
}
