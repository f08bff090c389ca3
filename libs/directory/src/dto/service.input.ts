import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsFreeText } from '@hub/validation';
import { Borough, NeedCategory } from '@hub/vocabulary';
import { ContactPoint, OpeningTime, ServiceLocationInput } from '../service-details';

/** A service entry as its organisation's admin states it; the whole entry, replaced at once. */
@InputType()
export class ServiceInput {
  @Field() @IsFreeText(200) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsFreeText(2000) description?: string;

  @Field(() => [NeedCategory])
  @ArrayMinSize(1) @ArrayMaxSize(21) @ArrayUnique() @IsEnum(NeedCategory, { each: true })
  needs: NeedCategory[];

  @Field(() => [Borough]) @ArrayMaxSize(3) @ArrayUnique() @IsEnum(Borough, { each: true }) acceptsResidence: Borough[];
  @Field(() => [Borough]) @ArrayMaxSize(3) @ArrayUnique() @IsEnum(Borough, { each: true }) acceptsGpRegistration: Borough[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) minimumAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) maximumAge?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsFreeText(1000) eligibilityNote?: string;

  @Field(() => [ContactPoint]) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => ContactPoint) contactPoints: ContactPoint[];
  @Field(() => [OpeningTime]) @ArrayMaxSize(14) @ValidateNested({ each: true }) @Type(() => OpeningTime) openingTimes: OpeningTime[];
  @Field(() => [String]) @ArrayMaxSize(20) @IsFreeText(50, { each: true }) languages: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsFreeText(500) cost?: string;

  @Field(() => [ServiceLocationInput])
  @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => ServiceLocationInput)
  locations: ServiceLocationInput[];
}
