import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { Borough, OrganisationKind } from '@hub/vocabulary';
import { OrganisationsModule } from './organisations.module';

/** A participant of the hub. Owned by the exchange; other subgraphs extend it by `id`. */
@ObjectType('Organisation', { registerIn: () => OrganisationsModule })
@Directive('@key(fields: "id")')
export class Organisation {
  @Field(() => ID, { description: 'The organisation slug, e.g. `pst`.' })
  id: string;

  @Field()
  name: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field(() => Borough, { description: 'Where the organisation is based.' })
  borough: Borough;

  @Field(() => String, { nullable: true })
  description: string | null;
}
