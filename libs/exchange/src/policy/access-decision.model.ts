import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AccessRule, DataCategory } from '@hub/vocabulary';
import { ExchangeGraphQLScope } from '../exchange-graphql.module';

/** `explainAccess`: whether the caller may read a field of a case, and what that rests on. */
@ObjectType('AccessDecision', { registerIn: () => ExchangeGraphQLScope })
export class AccessDecisionModel {
  @Field() field: string;
  @Field(() => DataCategory) category: DataCategory;
  @Field() allowed: boolean;
  @Field(() => AccessRule, { description: 'The rule that decided.' }) rule: AccessRule;
  @Field() reason: string;
  @Field(() => ID, { nullable: true }) referralId?: string;
  @Field(() => ID, { nullable: true, description: 'The agreement it rested on, or the one that was not enough.' })
  agreementId?: string;
  @Field(() => ID, { nullable: true, description: 'The consent it rested on, or the one that was not enough.' })
  consentId?: string;
}
