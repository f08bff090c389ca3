import type { AuditAction } from './audit-action';

/** Who acted: the principal's organisation, user and role (a principal with more keys fits too). */
export interface AuditActor {
  orgId: string;
  userId: string;
  role: string;
}

/** One thing to record. Ids are UUIDs; `fields` were disclosed, `withheld` were asked for and refused. */
export interface AuditEntryInput {
  actor: AuditActor;
  action: AuditAction;
  caseId?: string | null;
  subjectType: string;
  subjectId: string;
  purpose?: string | null;
  agreementId?: string | null;
  consentId?: string | null;
  fields?: readonly string[];
  withheld?: readonly string[];
  detail?: Record<string, unknown>;
}

/** A stored row, as read back. */
export interface AuditRecord {
  seq: number;
  id: string;
  recordedAt: Date;
  actor: AuditActor;
  action: AuditAction;
  caseId: string | null;
  subjectType: string;
  subjectId: string;
  purpose: string | null;
  agreementId: string | null;
  consentId: string | null;
  fields: string[];
  withheld: string[];
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Anything that runs SQL: a DataSource, an EntityManager, a QueryRunner. */
export interface AuditQueryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}
