import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { IsFreeText } from '@hub/validation';

/** An id and the reason a record is being stopped, which the audit keeps. */
@ArgsType()
export class ReasonArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field() @IsFreeText(500) reason: string;
}
