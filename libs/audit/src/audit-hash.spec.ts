import { createHash } from 'node:crypto';
import { type AuditContent, auditHash, auditHashPieces, GENESIS_HASH } from './audit-hash';
import { canonicalJson } from './canonical-json';

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

describe('auditHashPieces', () => {
  const { prev_hash: prevHash, recorded_at: recordedAt, ...body } = content;
  const joined = (pieces: [string, string, string], prev: string, at: string) => `${pieces[0]}${prev}${pieces[1]}${at}${pieces[2]}`;

  it('are the canonical JSON of the row, cut where the previous link and the time go', () => {
    expect(joined(auditHashPieces(body), prevHash, recordedAt)).toBe(canonicalJson(content));
    const other = { ...body, purpose: null, detail: { 'quo"te': 'line\nbreak é \u2028', z: [1, null], a: {} }, fields: [] };
    const at = '2026-01-02T03:04:05.006Z';
    expect(joined(auditHashPieces(other), 'a'.repeat(64), at)).toBe(
      canonicalJson({ ...other, prev_hash: 'a'.repeat(64), recorded_at: at }),
    );
  });

  it('give auditHash when hashed as the database hashes them: sha256(prev_hash, newline, the joined text)', () => {
    const sqlHash = createHash('sha256').update(`${prevHash}\n${joined(auditHashPieces(body), prevHash, recordedAt)}`, 'utf8').digest('hex');
    expect(sqlHash).toBe(auditHash(content));
  });

  it('ignore a prev_hash or recorded_at in what they are given', () => {
    expect(auditHashPieces({ ...body, prev_hash: 'x', recorded_at: 'y' } as typeof body)).toEqual(auditHashPieces(body));
  });
});
