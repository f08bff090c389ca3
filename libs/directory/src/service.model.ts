import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Borough, NeedCategory } from '@hub/vocabulary';
import { CapacityStatus, WaitlistBand } from './capacity-status';
import { OrganisationReference } from './organisation-reference.model';
import { DirectoryModule } from './directory.module';
import { ContactPoint, OpeningTime, ServiceLocation } from './service-details';

/** A service in the directory (Open Referral UK shaped): what it meets, whom it accepts, whether it has room. */
@ObjectType('Service', { registerIn: () => DirectoryModule })
@Directive('@key(fields: "id")')
export class Service {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => OrganisationReference)
  organisation: OrganisationReference;

  @Field(() => [NeedCategory])
  needs: NeedCategory[];

  @Field(() => [Borough], { description: 'Residents of these boroughs are eligible (the service area).' })
  acceptsResidence: Borough[];

  @Field(() => [Borough], { description: 'Patients registered with a GP practice in these boroughs are eligible.' })
  acceptsGpRegistration: Borough[];

  @Field(() => Int, { nullable: true })
  minimumAge: number | null;

  @Field(() => Int, { nullable: true })
  maximumAge: number | null;

  @Field(() => String, { nullable: true, description: 'Other conditions, in words.' })
  eligibilityNote: string | null;

  @Field(() => CapacityStatus)
  capacity: CapacityStatus;

  @Field(() => WaitlistBand, { nullable: true, description: 'Set when capacity is WAITLIST.' })
  waitlistBand: WaitlistBand | null;

  @Field({ description: 'When the capacity was last stated by the service.' })
  capacityUpdatedAt: Date;

  @Field(() => [ContactPoint])
  contactPoints: ContactPoint[];

  @Field(() => [OpeningTime])
  openingTimes: OpeningTime[];

  @Field(() => [String])
  languages: string[];

  @Field(() => String, { nullable: true, description: 'What it costs the resident, in words ("Free").' })
  cost: string | null;

  @Field(() => [ServiceLocation])
  locations: ServiceLocation[];

  @Field()
  updatedAt: Date;
}
