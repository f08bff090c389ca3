import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log: hash-chained rows that the database itself refuses to change or remove. */
export class CreateAuditLog1763900002000 implements MigrationInterface {
  name = 'CreateAuditLog1763900002000';

  async up(db: QueryRunner): Promise<void> {
    // prev_hash is unique: each row has one successor, so concurrent appenders make a chain, never a fork.
    await db.query(`
      CREATE TABLE exchange.audit_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        recorded_at timestamptz NOT NULL,
        actor_org varchar(64) NOT NULL,
        actor_user varchar(200) NOT NULL,
        actor_role varchar(40) NOT NULL,
        action varchar(60) NOT NULL,
        case_id uuid NULL,
        subject_type varchar(60) NOT NULL,
        subject_id varchar(100) NOT NULL,
        purpose varchar(40) NULL,
        agreement_id uuid NULL,
        consent_id uuid NULL,
        fields text[] NOT NULL DEFAULT '{}',
        withheld text[] NOT NULL DEFAULT '{}',
        detail jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64) NOT NULL UNIQUE,
        hash char(64) NOT NULL
      )`);
    await db.query('CREATE INDEX audit_log_case_idx ON exchange.audit_log (case_id, seq)');
    await db.query(`
      CREATE FUNCTION exchange.audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'exchange.audit_log is append-only: % refused', TG_OP;
      END
      $$`);
    // Statement-level, so even an UPDATE or DELETE that matches no row is refused; TRUNCATE allows no other.
    await db.query(`
      CREATE TRIGGER audit_log_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON exchange.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION exchange.audit_log_refuse_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE exchange.audit_log');
    await db.query('DROP FUNCTION exchange.audit_log_refuse_change()');
  }
}
