import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Borough, NeedCategory } from '@hub/vocabulary';
import { CapacityStatus, WaitlistBand } from '../capacity-status';
import { DirectoryModule } from '../directory.module';
import { DistanceBand, PostcodeStatus } from '../postcodes/postcode-status';
import { Service } from '../service.model';
import { EligibilityBasis, RouteRefusal, UnmetNeedReason } from './route-reasons';

@ObjectType('PostcodeBorough', { registerIn: () => DirectoryModule })
export class PostcodeBorough {
  @Field() postcode: string;
  @Field(() => PostcodeStatus) status: PostcodeStatus;
  @Field(() => Borough, { nullable: true, description: 'The borough, when there is exactly one.' }) borough: Borough | null;
  @Field(() => [Borough], { description: 'Every borough the postcode may be in.' }) boroughs: Borough[];
}

@ObjectType('GpPractice', { registerIn: () => DirectoryModule })
export class GpPractice {
  @Field() id: string;
  @Field() name: string;
  @Field(() => Borough) borough: Borough;
  @Field() postcode: string;
}

@ObjectType('RouteOption', { registerIn: () => DirectoryModule })
export class RouteOption {
  @Field(() => Int, { description: '1 is the best fit.' }) rank: number;
  @Field(() => Service) service: Service;
  @Field(() => [NeedCategory], { description: 'The case\'s needs this service meets.' }) meets: NeedCategory[];
  @Field(() => [NeedCategory], { description: 'The case\'s needs it does not meet.' }) doesNotMeet: NeedCategory[];
  @Field(() => [EligibilityBasis]) eligibleBy: EligibilityBasis[];
  @Field(() => CapacityStatus) capacity: CapacityStatus;
  @Field(() => WaitlistBand, { nullable: true }) waitlistBand: WaitlistBand | null;
  @Field(() => DistanceBand, { nullable: true, description: 'Null when the postcode or the service\'s locations are not known.' })
  distanceBand: DistanceBand | null;
  @Field(() => [String], { description: 'Why, in words.' }) why: string[];
}

@ObjectType('ServiceRefusal', { registerIn: () => DirectoryModule })
export class ServiceRefusal {
  @Field(() => Service) service: Service;
  @Field(() => RouteRefusal) reason: RouteRefusal;
  @Field({ description: 'Why, in words.' }) why: string;
}

@ObjectType('UnmetNeed', { registerIn: () => DirectoryModule })
export class UnmetNeed {
  @Field(() => NeedCategory) need: NeedCategory;
  @Field(() => UnmetNeedReason) reason: UnmetNeedReason;
}

@ObjectType('RoutePlan', { registerIn: () => DirectoryModule })
export class RoutePlan {
  @Field(() => PostcodeBorough, { nullable: true, description: 'What the postcode told us; null when a borough was given.' })
  residence: PostcodeBorough | null;
  @Field(() => Borough, { nullable: true }) gpBorough: Borough | null;
  @Field(() => [RouteOption], { description: 'Services that can take the case, best first.' }) options: RouteOption[];
  @Field(() => [ServiceRefusal], { description: 'Services that cannot, and why.' }) cannotTake: ServiceRefusal[];
  @Field(() => Int, { description: 'Services meeting none of the needs (listed in cannotTake only with listEveryService).' })
  servicesMeetingNoNeed: number;
  @Field(() => [UnmetNeed], { description: 'Needs no service can take; each is recorded, de-identified, as a gap signal.' })
  unmetNeeds: UnmetNeed[];
}

export enum CapacityAnswerKind {
  YES = 'YES',
  NO = 'NO',
  WAITLIST = 'WAITLIST',
}
registerEnumType(CapacityAnswerKind, { name: 'CapacityAnswerKind' });

@ObjectType('CapacityAnswer', { registerIn: () => DirectoryModule })
export class CapacityAnswer {
  @Field(() => CapacityAnswerKind) answer: CapacityAnswerKind;
  @Field(() => WaitlistBand, { nullable: true, description: 'The shortest wait, when the answer is WAITLIST.' })
  waitlistBand: WaitlistBand | null;
  @Field(() => [Service], { description: 'Services that could take all the needs (open first).' }) services: Service[];
  @Field(() => RouteRefusal, { nullable: true, description: 'When NO: why the asked service (or the best candidate) cannot.' })
  reason: RouteRefusal | null;
}
