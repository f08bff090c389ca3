import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsFreeText } from '@hub/validation';
import { ConsentMethod, DataCategory, Purpose } from '@hub/vocabulary';
import { ContactPreferencesInput } from '../../cases/dto/create-case.input';

@InputType()
export class RecordConsentInput {
  @Field(() => ID) @IsUUID() caseId: string;
  @Field({ description: 'Who consented: the resident, or who spoke for them and how.' }) @IsFreeText(200) givenBy: string;
  @Field(() => ConsentMethod) @IsEnum(ConsentMethod) method: ConsentMethod;
  @Field({ description: 'When consent was given.' }) @Type(() => Date) @IsDate() givenAt: Date;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(200) venue?: string;
  @Field(() => [ID], { description: 'Named recipient organisations (slugs).' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { each: true, message: 'recipients must be organisation slugs' })
  recipients: string[];
  @Field({ description: '"The relevant organisations of the partnership": every party to an active agreement with you.' })
  @IsBoolean()
  partnership: boolean;
  @Field(() => [Purpose]) @ArrayMinSize(1) @ArrayUnique() @IsEnum(Purpose, { each: true }) purposes: Purpose[];
  @Field(() => [DataCategory])
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(DataCategory, { each: true })
  categories: DataCategory[];
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Default: today.' }) @IsOptional() @IsISO8601({ strict: true }) validFrom?: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) @IsOptional() @IsISO8601({ strict: true }) validUntil?: string;
  @Field(() => ContactPreferencesInput) @ValidateNested() @Type(() => ContactPreferencesInput) contactPreferences: ContactPreferencesInput;
}
