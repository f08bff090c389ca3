import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { Organisation } from '@hub/organisations';
import type { NeedCategory, ReferralStatus } from '@hub/vocabulary';
import { ExchangeGraphQLScope } from '../exchange-graphql.module';

/**
 * A case passed from its owner to another organisation. The case itself is read through the
 * policy (`case`); the status is the sender's closed-loop feedback.
 */
@ObjectType('Referral', { registerIn: () => ExchangeGraphQLScope })
@Directive('@key(fields: "id")')
export class ReferralModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => ID, { nullable: true, description: 'The directory service chosen; the directory adds `recipientService`.' })
  serviceId: string | null;
  @Field(() => Organisation) sender: Organisation;
  @Field(() => Organisation) recipient: Organisation;
  /** Resolved in ReferralResolver: NEEDS data, released through the policy. */
  needs: NeedCategory[];
  /** Resolved in ReferralResolver: withheld from the sender unless the agreement covers REFERRER_FEEDBACK. */
  status: ReferralStatus | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ReferralEdge', { registerIn: () => ExchangeGraphQLScope })
export class ReferralEdge {
  @Field() cursor: string;
  @Field(() => ReferralModel) node: ReferralModel;
}

@ObjectType('PageInfo', { registerIn: () => ExchangeGraphQLScope })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('ReferralConnection', { registerIn: () => ExchangeGraphQLScope })
export class ReferralConnection {
  @Field(() => [ReferralEdge]) edges: ReferralEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
