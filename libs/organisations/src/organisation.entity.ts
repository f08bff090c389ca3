import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Borough, OrganisationKind } from '@hub/vocabulary';

@Entity({ name: 'organisations' })
export class OrganisationEntity {
  /** The slug (`pst`, `live-well`): stable, readable, and the `org` claim of its tokens. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  kind: OrganisationKind;

  @Column({ type: 'varchar', length: 20 })
  borough: Borough;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
