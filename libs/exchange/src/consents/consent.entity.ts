import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentMethod, DataCategory, Purpose } from '@hub/vocabulary';

/** A resident's consent, shaped to map one to one onto FHIR Consent (docs/ARCHITECTURE.md). */
@Entity({ name: 'consents' })
export class ConsentEntity {
  @PrimaryColumn('uuid') id: string;
  /** Recording order: the latest consent of a case is the one in force. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'recorded_by_org', type: 'varchar' }) recordedByOrg: string;
  @Column({ name: 'recorded_by_user', type: 'varchar' }) recordedByUser: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'given_by', type: 'varchar' }) givenBy: string;
  @Column('varchar') method: ConsentMethod;
  @Column({ name: 'given_at', type: 'timestamptz' }) givenAt: Date;
  @Column({ type: 'varchar', nullable: true }) venue: string | null;
  @Column('text', { array: true }) recipients: string[];
  /** "The relevant organisations of the partnership": any party to an active agreement with the owner. */
  @Column('boolean') partnership: boolean;
  @Column('text', { array: true }) purposes: Purpose[];
  @Column('text', { array: true }) categories: DataCategory[];
  @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil: string | null;
  @Column({ name: 'can_write_to_address', type: 'boolean' }) canWriteToAddress: boolean;
  @Column({ name: 'can_leave_message', type: 'boolean' }) canLeaveMessage: boolean;
  @Column({ name: 'can_contact_for_feedback', type: 'boolean' }) canContactForFeedback: boolean;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdrawn_by', type: 'varchar', nullable: true }) withdrawnBy: string | null;
  @Column({ name: 'withdrawal_reason', type: 'varchar', nullable: true }) withdrawalReason: string | null;
}
