import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsDateOfBirth, IsFreeText, IsNhsNumber, IsUkPhoneNumber, IsUkPostcode } from '@hub/validation';
import { Borough, ContactChannel, Disability, LandlordType, NeedCategory, YesNoUnknown } from '@hub/vocabulary';

/** Input mirrors the PST referral form's sections, which are also the data categories. */
@InputType()
export class IdentityInput {
  @Field() @IsFreeText(100) givenName: string;
  @Field() @IsFreeText(100) familyName: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) @IsOptional() @IsDateOfBirth() dateOfBirth?: string;
  @Field({ nullable: true, description: 'Optional: many residents do not know theirs. Checked by modulus 11.' })
  @IsOptional()
  @IsNhsNumber()
  nhsNumber?: string;
}

@InputType()
export class ContactPreferencesInput {
  @Field() @IsBoolean() canWriteToAddress: boolean;
  @Field() @IsBoolean() canLeaveMessage: boolean;
  @Field() @IsBoolean() canContactForFeedback: boolean;
  @Field(() => ContactChannel, { nullable: true }) @IsOptional() @IsEnum(ContactChannel) preferredChannel?: ContactChannel;
}

@InputType()
export class ContactInput {
  @Field({ nullable: true }) @IsOptional() @IsFreeText(200) addressLine1?: string;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(200) addressLine2?: string;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(100) town?: string;
  @Field({ nullable: true }) @IsOptional() @IsUkPostcode() postcode?: string;
  @Field({ nullable: true }) @IsOptional() @IsUkPhoneNumber() phone?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(254) @IsEmail() email?: string;
  @Field(() => ContactPreferencesInput) @ValidateNested() @Type(() => ContactPreferencesInput) preferences: ContactPreferencesInput;
}

@InputType()
export class CircumstancesInput {
  @Field(() => Borough, { nullable: true }) @IsOptional() @IsEnum(Borough) boroughOfResidence?: Borough;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(200) gpPractice?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(30) adultsInHousehold?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(30) childrenInHousehold?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() anyChildUnderFive?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(50) gender?: string;
  @Field(() => YesNoUnknown, { nullable: true }) @IsOptional() @IsEnum(YesNoUnknown) accessToPublicFunds?: YesNoUnknown;
  @Field(() => LandlordType, { nullable: true }) @IsOptional() @IsEnum(LandlordType) landlordType?: LandlordType;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(200) landlordName?: string;
  @Field(() => Disability, { nullable: true }) @IsOptional() @IsEnum(Disability) disability?: Disability;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(100) ethnicity?: string;
}

@InputType()
export class NeedsInput {
  @Field(() => [NeedCategory])
  @ArrayMinSize(1)
  @ArrayMaxSize(21)
  @ArrayUnique()
  @IsEnum(NeedCategory, { each: true })
  categories: NeedCategory[];
  @Field({ nullable: true }) @IsOptional() @IsFreeText(2000) detail?: string;
}

@InputType()
export class CreateCaseInput {
  @Field(() => IdentityInput) @ValidateNested() @Type(() => IdentityInput) identity: IdentityInput;
  @Field(() => ContactInput) @ValidateNested() @Type(() => ContactInput) contact: ContactInput;
  @Field(() => CircumstancesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CircumstancesInput)
  circumstances?: CircumstancesInput;
  @Field(() => NeedsInput) @ValidateNested() @Type(() => NeedsInput) needs: NeedsInput;
  @Field({ nullable: true, description: 'Special category data: only those the resident agreed may see it.' })
  @IsOptional()
  @IsFreeText(4000)
  healthSummary?: string;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(4000) notes?: string;
}
