import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsISO8601, IsNumber, IsOptional, Matches, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { OutcomeInstrument, OutcomeSummary, OutcomeTimepoint } from '@hub/vocabulary';

@InputType({ description: 'One score of one outcome measure; which measures a service records is its own choice.' })
export class OutcomeMeasureInput {
  @Field(() => OutcomeInstrument) @IsEnum(OutcomeInstrument) instrument: OutcomeInstrument;
  @Field({ nullable: true, description: 'The item of a multi-item instrument: an ONS4 question, a Wellbeing Star area, a MYCAW concern.' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'item must be an upper-case name of up to 40 letters, digits or _' })
  item?: string;
  @Field(() => OutcomeTimepoint) @IsEnum(OutcomeTimepoint) timepoint: OutcomeTimepoint;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) score: number;
  @Field(() => GraphQLLocalDate, { nullable: true }) @IsOptional() @IsISO8601({ strict: true }) recordedOn?: string;
}

@InputType()
export class OutcomeInput {
  @Field(() => OutcomeSummary) @IsEnum(OutcomeSummary) summary: OutcomeSummary;
  @Field(() => [OutcomeMeasureInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => OutcomeMeasureInput)
  measures?: OutcomeMeasureInput[];
}
