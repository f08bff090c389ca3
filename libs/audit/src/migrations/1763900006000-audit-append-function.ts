import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `exchange.audit_append(entries jsonb)`: appends rows to the audit chain in one statement, so a
 * read can record what it disclosed without a transaction of its own (BEGIN, lock, head, INSERT,
 * COMMIT were five round trips; this is one). Called inside a transaction, it is part of it, and its
 * lock is held to that transaction's end, as before.
 *
 * Each entry carries its columns and the three pieces of its hashed text (auditHashPieces); the
 * function supplies what only the chain knows: the previous link and the time. It takes the same
 * advisory lock the log has always used ('auditlog' as 8 bytes), then reads the last row. PL/pgSQL
 * runs each statement of a volatile function on a fresh snapshot under READ COMMITTED, so that read
 * sees the row committed last, even if the lock was waited for; other isolation levels are refused.
 * The time is taken after the lock, so recorded_at follows chain order, and stored at the
 * millisecond that was hashed. The rows go in with one INSERT in chain order, so seq order is chain
 * order. The hashed form is unchanged: sha256(prev_hash + "\n" + canonical JSON of the row), which
 * `verifyAuditChain` checks in JavaScript. The unique prev_hash still refuses a fork.
 */
export class AuditAppendFunction1763900006000 implements MigrationInterface {
  name = 'AuditAppendFunction1763900006000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION exchange.audit_append(entries jsonb)
      RETURNS TABLE (appended_seq bigint, appended_id uuid, appended_at text, appended_prev_hash text, appended_hash text)
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        isolation text := current_setting('transaction_isolation');
        link text;
        stamp text;
        piece jsonb;
        prevs text[] := '{}';
        hashes text[] := '{}';
      BEGIN
        IF isolation <> 'read committed' THEN
          RAISE EXCEPTION 'exchange.audit_append needs READ COMMITTED, not %', isolation;
        END IF;
        PERFORM pg_advisory_xact_lock(7022629598041763687);
        SELECT l.hash INTO link FROM exchange.audit_log AS l ORDER BY l.seq DESC LIMIT 1;
        link := coalesce(link, repeat('0', 64));
        stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        FOR piece IN SELECT x.e -> 'pieces' FROM jsonb_array_elements(entries) WITH ORDINALITY AS x(e, n) ORDER BY x.n LOOP
          prevs := prevs || link;
          link := encode(sha256(convert_to(
            link || E'\\n' || (piece ->> 0) || link || (piece ->> 1) || stamp || (piece ->> 2), 'UTF8')), 'hex');
          hashes := hashes || link;
        END LOOP;
        RETURN QUERY
          INSERT INTO exchange.audit_log AS a (id, recorded_at, actor_org, actor_user, actor_role, action, case_id,
                                               subject_type, subject_id, purpose, agreement_id, consent_id, fields,
                                               withheld, detail, prev_hash, hash)
          SELECT e.id, stamp::timestamptz, e.actor_org, e.actor_user, e.actor_role, e.action, e.case_id,
                 e.subject_type, e.subject_id, e.purpose, e.agreement_id, e.consent_id, e.fields,
                 e.withheld, e.detail, prevs[e.ordinality], hashes[e.ordinality]
            FROM ROWS FROM (jsonb_to_recordset(entries) AS (
                   id uuid, actor_org text, actor_user text, actor_role text, action text, case_id uuid,
                   subject_type text, subject_id text, purpose text, agreement_id uuid, consent_id uuid,
                   fields text[], withheld text[], detail jsonb)) WITH ORDINALITY AS e
           ORDER BY e.ordinality
          RETURNING a.seq, a.id, stamp, a.prev_hash::text, a.hash::text;
      END
      $fn$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION exchange.audit_append(jsonb)');
  }
}
