import { CreateAuditLog1763900002000 } from './migrations/1763900002000-create-audit-log';
import { AuditAppendFunction1763900006000 } from './migrations/1763900006000-audit-append-function';

export * from './audit-action';
export * from './audit-entry';
export * from './audit-hash';
export * from './audit-log';
export * from './audit-trail';
export * from './canonical-json';
export * from './verify-audit-chain';

/** The log is written and read with SQL only, so it has no entity. */
export const AUDIT_ENTITIES: (new () => object)[] = [];
export const AUDIT_MIGRATIONS = [CreateAuditLog1763900002000, AuditAppendFunction1763900006000];
