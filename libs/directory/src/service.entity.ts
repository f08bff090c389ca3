import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Borough, NeedCategory } from '@hub/vocabulary';
import type { CapacityStatus } from './capacity-status';

@Entity({ name: 'services' })
export class ServiceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The owning organisation's slug (an Organisation entity owned by the exchange). */
  @Column({ name: 'organisation_id', type: 'varchar', length: 64 })
  organisationId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', array: true })
  needs: NeedCategory[];

  @Column({ name: 'accepts_residence', type: 'text', array: true })
  acceptsResidence: Borough[];

  @Column({ name: 'accepts_gp_registration', type: 'text', array: true })
  acceptsGpRegistration: Borough[];

  @Column({ name: 'eligibility_note', type: 'text', nullable: true })
  eligibilityNote: string | null;

  @Column({ type: 'varchar', length: 20 })
  capacity: CapacityStatus;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
