import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ExchangeGraphQLScope } from '../exchange-graphql.module';

/** One line of a case's audit trail: who did or saw what, under which agreement and consent. */
@ObjectType('AuditEntry', { registerIn: () => ExchangeGraphQLScope })
export class AuditEntryModel {
  @Field() seq: string;
  @Field() recordedAt: Date;
  @Field(() => ID) actorOrganisationId: string;
  @Field() actorUserId: string;
  @Field() actorRole: string;
  @Field() action: string;
  @Field() subjectType: string;
  @Field() subjectId: string;
  @Field(() => String, { nullable: true }) purpose: string | null;
  @Field(() => ID, { nullable: true }) agreementId: string | null;
  @Field(() => ID, { nullable: true }) consentId: string | null;
  @Field(() => [String], { description: 'Fields disclosed.' }) fields: string[];
  @Field(() => [String], { description: 'Fields asked for and withheld.' }) withheld: string[];
  @Field(() => GraphQLJSONObject) detail: Record<string, unknown>;
  @Field({ description: 'This row\'s link in the hash chain.' }) hash: string;
}
