import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@hub/vocabulary';
import { InsightsModule } from '../insights.module';

/** One gap report asked for: who, when, how, the question, and what disclosure control withheld. */
@ObjectType('GapReportRequest', { registerIn: () => InsightsModule })
export class GapReportRequest {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field() organisationId: string;
  @Field() userId: string;
  @Field(() => Role) role: Role;
  @Field({ description: 'GRAPHQL or CSV.' }) channel: string;
  @Field({ description: 'ANSWERED or REFUSED.' }) outcome: string;
  @Field(() => String, { nullable: true }) refusal: string | null;
  @Field({ description: 'The question, as JSON.' }) question: string;
  @Field(() => Int) figures: number;
  @Field(() => Int) withheld: number;
}
