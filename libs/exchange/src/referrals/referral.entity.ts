import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ClosureReason, NeedCategory, ReferralStatus } from '@hub/vocabulary';
import type { RecordedOutcome } from '../lifecycle/outcome';

/** A case passed from its owner to another organisation, under an agreement and a consent. */
@Entity({ name: 'referrals' })
export class ReferralEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'sender_org', type: 'varchar' }) senderOrg: string;
  @Column({ name: 'recipient_org', type: 'varchar' }) recipientOrg: string;
  @Column('text', { array: true }) needs: NeedCategory[];
  @Column('varchar') status: ReferralStatus;
  @Column({ name: 'idempotency_key', type: 'varchar' }) idempotencyKey: string;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** The agreement and consent that allowed the referral to be sent. */
  @Column({ name: 'agreement_id', type: 'uuid' }) agreementId: string;
  @Column({ name: 'consent_id', type: 'uuid' }) consentId: string;
  /** The directory service chosen, if any: a directory id, resolved by the directory subgraph. */
  @Column({ name: 'service_id', type: 'uuid', nullable: true }) serviceId: string | null;
  @VersionColumn({ name: 'row_version' }) rowVersion: number;

  // The lifecycle (docs/ARCHITECTURE.md): clocks are stored deadlines, so "overdue" needs no job.
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
  @Column({ name: 'acknowledge_due_at', type: 'timestamptz', nullable: true }) acknowledgeDueAt: Date | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'contact_due_at', type: 'timestamptz', nullable: true }) contactDueAt: Date | null;
  @Column({ name: 'first_contact_at', type: 'timestamptz', nullable: true }) firstContactAt: Date | null;
  /** Set while the recipient waits for information from the sender: the clocks stand still. */
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true }) pausedAt: Date | null;
  @Column({ name: 'resume_status', type: 'varchar', nullable: true }) resumeStatus: ReferralStatus | null;
  @Column({ name: 'appointment_at', type: 'timestamptz', nullable: true }) appointmentAt: Date | null;
  @Column({ name: 'appointment_place', type: 'varchar', nullable: true }) appointmentPlace: string | null;
  @Column({ name: 'appointment_by_phone', type: 'boolean', nullable: true }) appointmentByPhone: boolean | null;
  @Column({ name: 'closure_reason', type: 'varchar', nullable: true }) closureReason: ClosureReason | null;
  @Column({ type: 'jsonb', nullable: true }) outcome: RecordedOutcome | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
