import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { AgreementEntity } from './agreement.entity';

@Entity({ name: 'agreement_signatures' })
export class AgreementSignatureEntity {
  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' }) agreementId: string;
  @PrimaryColumn('varchar') party: string;
  @Column({ name: 'signed_by', type: 'varchar' }) signedBy: string;
  @Column({ name: 'signed_role', type: 'varchar' }) signedRole: string;
  @Column({ name: 'signed_at', type: 'timestamptz' }) signedAt: Date;

  // Relation<> keeps decorator metadata from naming AgreementEntity before it exists (import cycle).
  @ManyToOne('AgreementEntity', 'signatures')
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Relation<AgreementEntity>;
}
