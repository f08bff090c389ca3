import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@hub/vocabulary';
import { Organisation } from './organisation.model';
import { OrganisationsModule } from './organisations.module';

/** The verified caller, as the hub understood its token. */
@ObjectType('Principal', { registerIn: () => OrganisationsModule })
export class PrincipalModel {
  @Field(() => ID)
  orgId: string;

  @Field()
  userId: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [String])
  scopes: string[];

  @Field(() => Organisation)
  organisation?: Organisation;
}
