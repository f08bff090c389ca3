import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Borough, NeedCategory } from '@hub/vocabulary';
import type { CapacityStatus, WaitlistBand } from './capacity-status';
import type { ContactPoint, OpeningTime, ServiceLocation } from './service-details';

@Entity({ name: 'services' })
export class ServiceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The owning organisation's slug (an Organisation entity owned by the exchange). */
  @Column({ name: 'organisation_id', type: 'varchar', length: 64 })
  organisationId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', array: true })
  needs: NeedCategory[];

  @Column({ name: 'accepts_residence', type: 'text', array: true })
  acceptsResidence: Borough[];

  @Column({ name: 'accepts_gp_registration', type: 'text', array: true })
  acceptsGpRegistration: Borough[];

  @Column({ name: 'minimum_age', type: 'smallint', nullable: true })
  minimumAge: number | null;

  @Column({ name: 'maximum_age', type: 'smallint', nullable: true })
  maximumAge: number | null;

  @Column({ name: 'eligibility_note', type: 'text', nullable: true })
  eligibilityNote: string | null;

  @Column({ type: 'varchar', length: 20 })
  capacity: CapacityStatus;

  @Column({ name: 'waitlist_band', type: 'varchar', length: 20, nullable: true })
  waitlistBand: WaitlistBand | null;

  @Column({ name: 'capacity_updated_at', type: 'timestamptz' })
  capacityUpdatedAt: Date;

  @Column({ name: 'contact_points', type: 'jsonb' })
  contactPoints: ContactPoint[];

  @Column({ name: 'opening_times', type: 'jsonb' })
  openingTimes: OpeningTime[];

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  cost: string | null;

  @Column({ type: 'jsonb' })
  locations: ServiceLocation[];

  @Column({ name: 'updated_by', type: 'varchar', length: 200, nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
