import { Field, Int, ObjectType } from '@nestjs/graphql';
import { InsightsModule } from './insights.module';

/** The rules every published figure passes (NHS small-number suppression). */
@ObjectType('DisclosurePolicy', { registerIn: () => InsightsModule })
export class DisclosurePolicy {
  @Field(() => Int, { description: 'Counts from 1 to this number are suppressed.' })
  suppressionThreshold: number;

  @Field(() => Int, { description: 'Published counts are rounded to the nearest multiple of this.' })
  roundingBase: number;
}

