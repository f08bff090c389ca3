import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Borough, ContactChannel, Disability, LandlordType, NeedCategory, YesNoUnknown } from '@hub/vocabulary';

/** A resident's case as the PST referral form holds it (seed 000, Appendix 4). Owned by one organisation. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'owner_org', type: 'varchar' }) ownerOrg: string;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;

  @Column({ name: 'given_name', type: 'varchar' }) givenName: string;
  @Column({ name: 'family_name', type: 'varchar' }) familyName: string;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth: string | null;
  @Column({ name: 'nhs_number', type: 'char', length: 10, nullable: true }) nhsNumber: string | null;

  @Column({ name: 'address_line1', type: 'varchar', nullable: true }) addressLine1: string | null;
  @Column({ name: 'address_line2', type: 'varchar', nullable: true }) addressLine2: string | null;
  @Column({ type: 'varchar', nullable: true }) town: string | null;
  @Column({ type: 'varchar', nullable: true }) postcode: string | null;
  @Column({ type: 'varchar', nullable: true }) phone: string | null;
  @Column({ type: 'varchar', nullable: true }) email: string | null;
  @Column({ name: 'can_write_to_address', type: 'boolean' }) canWriteToAddress: boolean;
  @Column({ name: 'can_leave_message', type: 'boolean' }) canLeaveMessage: boolean;
  @Column({ name: 'can_contact_for_feedback', type: 'boolean' }) canContactForFeedback: boolean;
  @Column({ name: 'preferred_channel', type: 'varchar', nullable: true }) preferredChannel: ContactChannel | null;

  @Column({ name: 'borough_of_residence', type: 'varchar', nullable: true }) boroughOfResidence: Borough | null;
  @Column({ name: 'gp_practice', type: 'varchar', nullable: true }) gpPractice: string | null;
  @Column({ name: 'adults_in_household', type: 'smallint', nullable: true }) adultsInHousehold: number | null;
  @Column({ name: 'children_in_household', type: 'smallint', nullable: true }) childrenInHousehold: number | null;
  @Column({ name: 'any_child_under_five', type: 'boolean', nullable: true }) anyChildUnderFive: boolean | null;
  @Column({ type: 'varchar', nullable: true }) gender: string | null;
  @Column({ name: 'access_to_public_funds', type: 'varchar', nullable: true }) accessToPublicFunds: YesNoUnknown | null;
  @Column({ name: 'landlord_type', type: 'varchar', nullable: true }) landlordType: LandlordType | null;
  @Column({ name: 'landlord_name', type: 'varchar', nullable: true }) landlordName: string | null;
  @Column({ type: 'varchar', nullable: true }) disability: Disability | null;
  @Column({ type: 'varchar', nullable: true }) ethnicity: string | null;

  @Column('text', { array: true }) needs: NeedCategory[];
  @Column({ name: 'needs_detail', type: 'text', nullable: true }) needsDetail: string | null;
  @Column({ name: 'health_summary', type: 'text', nullable: true }) healthSummary: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  /** Where an imported case came from, e.g. `pst-paper:<sha256>`; null for cases opened in the hub. */
  @Column({ name: 'source_ref', type: 'varchar', nullable: true }) sourceRef: string | null;
}
