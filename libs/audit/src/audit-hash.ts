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
