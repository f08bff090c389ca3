import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsFreeText, IsUkPostcode } from '@hub/validation';
import { Borough, NeedCategory } from '@hub/vocabulary';
import { AgeBand } from './route-reasons';

/** Where a case can go. No name, no address: a postcode (or a borough), a GP practice and an age at most. */
@InputType()
export class RouteInput {
  @Field(() => [NeedCategory])
  @ArrayMinSize(1) @ArrayMaxSize(21) @ArrayUnique() @IsEnum(NeedCategory, { each: true })
  needs: NeedCategory[];

  @Field(() => String, { nullable: true, description: 'The resident\'s postcode; give this or borough.' })
  @IsOptional() @IsUkPostcode()
  postcode?: string;

  @Field(() => Borough, { nullable: true, description: 'The borough of residence, when the postcode is not to be given.' })
  @IsOptional() @IsEnum(Borough)
  borough?: Borough;

  @Field(() => String, { nullable: true, description: 'The GP practice (its id or name, see gpPractices).' })
  @IsOptional() @IsFreeText(200)
  gpPractice?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional() @IsInt() @Min(0) @Max(120)
  age?: number;

  @Field({ nullable: true, description: 'Also list every service that meets none of the needs (default: only counted).' })
  @IsOptional() @IsBoolean()
  listEveryService?: boolean;
}

/** "Can you take a case like this?" — asked before any personal data moves (HL7 Gravity capacity check). */
@InputType()
export class CapacityCheckInput {
  @Field(() => [NeedCategory])
  @ArrayMinSize(1) @ArrayMaxSize(21) @ArrayUnique() @IsEnum(NeedCategory, { each: true })
  needs: NeedCategory[];

  @Field(() => Borough, { description: 'Borough of residence.' })
  @IsEnum(Borough)
  borough: Borough;

  @Field(() => Borough, { nullable: true, description: 'Borough of the GP practice, when it differs.' })
  @IsOptional() @IsEnum(Borough)
  gpBorough?: Borough;

  @Field(() => AgeBand)
  @IsEnum(AgeBand)
  ageBand: AgeBand;

  @Field(() => String, { nullable: true, description: 'Ask one service; without it, the whole directory is asked.' })
  @IsOptional() @IsUUID()
  serviceId?: string;
}
