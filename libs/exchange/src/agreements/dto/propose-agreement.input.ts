import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsISO8601, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsFreeText } from '@hub/validation';
import { DataCategory, Purpose } from '@hub/vocabulary';

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

@InputType()
export class AgreementGrantInput {
  @Field(() => ID) @Matches(SLUG, { message: 'organisationId must be an organisation slug' }) organisationId: string;
  @Field(() => [DataCategory])
  @ArrayUnique()
  @ArrayMaxSize(7)
  @IsEnum(DataCategory, { each: true })
  categories: DataCategory[];
}

@InputType()
export class ProposeAgreementInput {
  @Field() @IsFreeText(200) title: string;
  @Field(() => [ID], { description: 'Organisation slugs, the proposer\'s among them.' })
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(SLUG, { each: true, message: 'parties must be organisation slugs' })
  parties: string[];
  @Field(() => [Purpose]) @ArrayMinSize(1) @ArrayUnique() @IsEnum(Purpose, { each: true }) purposes: Purpose[];
  @Field(() => [AgreementGrantInput], { description: 'What each party may receive.' })
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => AgreementGrantInput)
  receives: AgreementGrantInput[];
  @Field() @IsFreeText(300) lawfulBasis: string;
  @Field(() => GraphQLLocalDate) @IsISO8601({ strict: true }) startsOn: string;
  @Field(() => GraphQLLocalDate) @IsISO8601({ strict: true }) endsOn: string;
  @Field(() => GraphQLLocalDate) @IsISO8601({ strict: true }) reviewOn: string;
  @Field(() => ID, { nullable: true, description: 'The agreement this new version replaces once signed and started.' })
  @IsOptional()
  @IsUUID()
  supersedes?: string;
}
