import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { IsFreeText } from '@hub/validation';
import { ClosureReason, ReferralStatus } from '@hub/vocabulary';
import { OutcomeInput } from './outcome.input';

@InputType({ description: 'Moves a referral along its lifecycle; what each target status needs is in docs/ARCHITECTURE.md.' })
export class TransitionReferralInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => ReferralStatus) @IsEnum(ReferralStatus) to: ReferralStatus;
  @Field(() => Int, { nullable: true, description: 'The version the caller read: refused with VERSION_CONFLICT if it changed since.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
  @Field(() => ClosureReason, { nullable: true, description: 'Required to decline or close unmet; optional to cancel.' })
  @IsOptional()
  @IsEnum(ClosureReason)
  reason?: ClosureReason;
  @Field({ nullable: true, description: 'Required to request or provide information, and with reason OTHER.' })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;
  @Field({ nullable: true }) @IsOptional() @IsDate() appointmentAt?: Date;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(200) appointmentPlace?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() appointmentByPhone?: boolean;
  @Field(() => OutcomeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutcomeInput)
  outcome?: OutcomeInput;
}
