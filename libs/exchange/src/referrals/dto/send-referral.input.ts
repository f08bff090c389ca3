import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { NeedCategory } from '@hub/vocabulary';

@InputType()
export class SendReferralInput {
  @Field(() => ID) @IsUUID() caseId: string;
  @Field(() => ID, { description: 'The receiving organisation (slug).' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'recipientId must be an organisation slug' })
  recipientId: string;
  @Field(() => [NeedCategory], { description: 'The needs this referral is about: some of the case\'s needs.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(21)
  @ArrayUnique()
  @IsEnum(NeedCategory, { each: true })
  needs: NeedCategory[];
  @Field({ description: 'Chosen by the sender; a replay with the same key returns the same referral.' })
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'idempotencyKey must be 8 to 100 letters, digits or ._:-' })
  idempotencyKey: string;
  @Field(() => ID, { nullable: true, description: 'The directory service (its id) the case is sent to, when the sender chose one.' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;
  @Field({
    nullable: true,
    description: 'Send even though the recipient already has a live or recent referral of this person for these needs.',
  })
  @IsOptional()
  @IsBoolean()
  confirmRepeat?: boolean;
}
