import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { NeedCategory, ReferralStatus } from '@hub/vocabulary';

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
}
