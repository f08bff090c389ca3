import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { NeedCategory } from '@hub/vocabulary';
import { GapDimension, ReportBorough } from './report-vocabulary';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A question to the gap cube: a period of whole, closed months, a breakdown of up to two dimensions, filters. */
@InputType()
export class GapReportInput {
  @Field({ description: 'First month, YYYY-MM.' })
  @Matches(MONTH, { message: 'from must be a month, YYYY-MM' })
  from: string;

  @Field({ description: 'Last month, YYYY-MM; it must have closed (figures for a month are published once it has ended).' })
  @Matches(MONTH, { message: 'to must be a month, YYYY-MM' })
  to: string;

  @Field(() => [GapDimension], { defaultValue: [], description: 'Break the figures down by up to two dimensions.' })
  @ArrayMaxSize(2) @ArrayUnique() @IsEnum(GapDimension, { each: true })
  groupBy: GapDimension[] = [];

  @Field(() => NeedCategory, { nullable: true })
  @IsOptional() @IsEnum(NeedCategory)
  need?: NeedCategory;

  @Field(() => ReportBorough, { nullable: true })
  @IsOptional() @IsEnum(ReportBorough)
  residenceBorough?: ReportBorough;

  @Field(() => ReportBorough, { nullable: true })
  @IsOptional() @IsEnum(ReportBorough)
  serviceBorough?: ReportBorough;

  @Field(() => ID, { nullable: true })
  @IsOptional() @IsUUID()
  serviceId?: string;
}
