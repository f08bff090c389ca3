import { type AuditContent, auditHash, GENESIS_HASH } from './audit-hash';

const content: AuditContent = {
  id: '6f1c2b8e-8d4a-4c59-9a57-1d2c3b4a5f60',
  recorded_at: '2025-11-23T09:30:00.123Z',
  actor_org: 'pst',
  actor_user: 'worker@pst',
  actor_role: 'LINK_WORKER',
  action: 'DISCLOSURE',
  case_id: null,
  subject_type: 'Case',
  subject_id: 'c1',
  purpose: null,
  agreement_id: null,
  consent_id: null,
  fields: ['NAME'],
  withheld: [],
  detail: { rule: 'OWNER', nested: { b: 1, a: 2 } },
  prev_hash: GENESIS_HASH,
};

describe('auditHash', () => {
  it('is 64 hex digits and does not depend on the key order of detail', () => {
    const hash = auditHash(content);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash({ ...content, detail: { nested: { a: 2, b: 1 }, rule: 'OWNER' } })).toBe(hash);
  });

  it('changes when any column or the previous link changes', () => {
    const hash = auditHash(content);
    expect(auditHash({ ...content, fields: ['NAME', 'CONTACT'] })).not.toBe(hash);
    expect(auditHash({ ...content, recorded_at: '2025-11-23T09:30:00.124Z' })).not.toBe(hash);
    expect(auditHash({ ...content, purpose: 'DIRECT_SUPPORT' })).not.toBe(hash);
    expect(auditHash({ ...content, prev_hash: 'f'.repeat(64) })).not.toBe(hash);
  });
});
