import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ConsentMethod, ConsentStatus, DataCategory, Purpose } from '@hub/vocabulary';
import { ExchangeGraphQLScope } from '../exchange-graphql.module';
import { ContactPreferences } from '../cases/case.model';

/** A resident's consent (maps one to one onto FHIR Consent: see docs/ARCHITECTURE.md). */
@ObjectType('Consent', { registerIn: () => ExchangeGraphQLScope })
export class ConsentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field({ description: 'Who consented: the resident, or who spoke for them.' }) givenBy: string;
  @Field({ description: 'The user who recorded it.' }) recordedBy: string;
  @Field(() => ID) recordedByOrganisationId: string;
  @Field() recordedAt: Date;
  @Field(() => ConsentMethod) method: ConsentMethod;
  @Field() givenAt: Date;
  @Field(() => String, { nullable: true }) venue: string | null;
  @Field(() => [ID], { description: 'Named recipients.' }) recipients: string[];
  @Field({ description: 'Whether it covers "the relevant organisations of the partnership".' }) partnership: boolean;
  @Field(() => [Purpose]) purposes: Purpose[];
  @Field(() => [DataCategory]) categories: DataCategory[];
  @Field(() => GraphQLLocalDate) validFrom: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) validUntil: string | null;
  @Field(() => ContactPreferences) contactPreferences: ContactPreferences;
  @Field(() => ConsentStatus) status: ConsentStatus;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => String, { nullable: true }) withdrawalReason: string | null;
}
