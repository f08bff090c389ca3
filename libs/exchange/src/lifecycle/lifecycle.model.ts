import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Organisation } from '@hub/organisations';
import {
  ClosureReason,
  NeedCategory,
  OutcomeInstrument,
  OutcomeSummary,
  OutcomeTimepoint,
  ReferralEventType,
  ReferralStatus,
} from '@hub/vocabulary';
import { ExchangeGraphQLScope } from '../exchange-graphql.module';
import { OverdueReason } from './service-levels';

@ObjectType('ServiceLevel', { registerIn: () => ExchangeGraphQLScope, description: 'Computed from stored deadlines and now.' })
export class ServiceLevelModel {
  @Field(() => Date, { nullable: true, description: 'Acknowledge by then (configured working days, bank holidays respected).' })
  acknowledgeBy: Date | null;
  @Field(() => Date, { nullable: true, description: 'First contact by then (configured days after acceptance).' })
  contactBy: Date | null;
  @Field(() => [OverdueReason]) overdue: OverdueReason[];
  @Field({ description: 'The recipient waits for information from the sender: the clocks stand still.' }) paused: boolean;
}

@ObjectType('Appointment', { registerIn: () => ExchangeGraphQLScope })
export class AppointmentModel {
  @Field() at: Date;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field() byPhone: boolean;
}

@ObjectType('OutcomeMeasure', { registerIn: () => ExchangeGraphQLScope })
export class OutcomeMeasureModel {
  @Field(() => OutcomeInstrument) instrument: OutcomeInstrument;
  @Field(() => String, { nullable: true }) item: string | null;
  @Field(() => OutcomeTimepoint) timepoint: OutcomeTimepoint;
  @Field(() => Float) score: number;
  @Field(() => GraphQLLocalDate, { nullable: true }) recordedOn: string | null;
}

@ObjectType('Outcome', { registerIn: () => ExchangeGraphQLScope })
export class OutcomeModel {
  @Field(() => OutcomeSummary) summary: OutcomeSummary;
  /** Resolved in LifecycleResolver: HEALTH-like scores stay with the service that recorded them. */
  measures: OutcomeMeasureModel[];
}

@ObjectType('ReferralEvent', { registerIn: () => ExchangeGraphQLScope, description: 'One step of a referral\'s timeline.' })
export class ReferralEventModel {
  @Field(() => ID) id: string;
  @Field(() => ID) referralId: string;
  @Field(() => String, { nullable: true, description: 'Where a subscriber resumes from (referralEvents(after:)); null until published.' })
  cursor: string | null;
  @Field(() => ReferralEventType) type: ReferralEventType;
  @Field(() => ReferralStatus, { nullable: true }) fromStatus: ReferralStatus | null;
  @Field(() => ReferralStatus) toStatus: ReferralStatus;
  @Field() at: Date;
  @Field(() => Organisation) actor: Organisation;
  @Field(() => ClosureReason, { nullable: true }) reason: ClosureReason | null;
  @Field(() => Int, { description: 'The referral\'s version after this event.' }) referralVersion: number;
  /** Resolved in LifecycleResolver: free text, released by who wrote it and the case policy. */
  note: string | null;
  appointment: AppointmentModel | null;
  outcome: OutcomeModel | null;
}

@ObjectType('EarlierReferral', {
  registerIn: () => ExchangeGraphQLScope,
  description: 'An earlier referral of the same person to the same recipient: what the recipient recorded, no case data.',
})
export class EarlierReferralModel {
  @Field(() => ID) id: string;
  @Field(() => ReferralStatus) status: ReferralStatus;
  @Field() sentAt: Date;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => [NeedCategory]) needs: NeedCategory[];
  @Field(() => ClosureReason, { nullable: true }) closureReason: ClosureReason | null;
  @Field(() => Int) attended: number;
  @Field(() => Int) didNotAttend: number;
}
