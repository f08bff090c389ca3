import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { Borough, NeedCategory } from '@hub/vocabulary';
import { CapacityStatus } from './capacity-status';
import { OrganisationReference } from './organisation-reference.model';
import { DirectoryModule } from './directory.module';

/** A service in the directory (Open Referral UK shaped): what it meets and whom it accepts. */
@ObjectType('Service', { registerIn: () => DirectoryModule })
@Directive('@key(fields: "id")')
export class Service {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganisationReference)
  organisation: OrganisationReference;

  @Field(() => [NeedCategory])
  needs: NeedCategory[];

  @Field(() => [Borough], { description: 'Residents of these boroughs are eligible.' })
  acceptsResidence: Borough[];

  @Field(() => [Borough], { description: 'Patients registered with a GP practice in these boroughs are eligible.' })
  acceptsGpRegistration: Borough[];

  @Field(() => String, { nullable: true })
  eligibilityNote: string | null;

  @Field(() => CapacityStatus)
  capacity: CapacityStatus;

  @Field()
  updatedAt: Date;
}
