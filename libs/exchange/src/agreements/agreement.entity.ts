import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import type { DataCategory, Purpose } from '@hub/vocabulary';
import { AgreementSignatureEntity } from './agreement-signature.entity';

/** A data-sharing agreement (ICO code) as the hub enforces it. One row per version. */
@Entity({ name: 'agreements' })
export class AgreementEntity {
  @PrimaryColumn('uuid') id: string;
  /** Every version of one agreement shares its lineage. */
  @Column({ name: 'lineage_id', type: 'uuid' }) lineageId: string;
  @Column('int') version: number;
  @Column('varchar') title: string;
  @Column('text', { array: true }) parties: string[];
  @Column('text', { array: true }) purposes: Purpose[];
  /** Party slug → the data categories that party may receive. */
  @Column('jsonb') receives: Record<string, DataCategory[]>;
  @Column({ name: 'lawful_basis', type: 'varchar' }) lawfulBasis: string;
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn: string;
  @Column({ name: 'review_on', type: 'date' }) reviewOn: string;
  @Column({ name: 'proposed_by_org', type: 'varchar' }) proposedByOrg: string;
  @Column({ name: 'proposed_by_user', type: 'varchar' }) proposedByUser: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'fully_signed_at', type: 'timestamptz', nullable: true }) fullySignedAt: Date | null;
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true }) suspendedAt: Date | null;
  @Column({ name: 'terminated_at', type: 'timestamptz', nullable: true }) terminatedAt: Date | null;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @Column({ type: 'uuid', nullable: true }) supersedes: string | null;
  /** Set on the old version when a new one is fully signed: the day the new one takes over. */
  @Column({ name: 'superseded_from', type: 'date', nullable: true }) supersededFrom: string | null;

  @OneToMany(() => AgreementSignatureEntity, (s) => s.agreement, { eager: true })
  signatures: Relation<AgreementSignatureEntity>[];
}
