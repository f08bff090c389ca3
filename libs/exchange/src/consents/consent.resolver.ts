import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { IsFreeText } from '@hub/validation';
import { requireUuid } from '../ids';
import { ConsentModel } from './consent.model';
import { ConsentService } from './consent.service';
import { RecordConsentInput } from './dto/record-consent.input';

@ArgsType()
class WithdrawConsentArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field({ nullable: true }) @IsOptional() @IsFreeText(500) reason?: string;
}

@Resolver(() => ConsentModel)
export class ConsentResolver {
  constructor(private readonly consentService: ConsentService) {}

  @Query(() => [ConsentModel], { description: 'The consents of a case your organisation owns, newest (in force) first.' })
  consents(@CurrentPrincipal() principal: Principal, @Args('caseId', { type: () => ID }) caseId: string) {
    return this.consentService.forCase(principal, requireUuid(caseId, 'caseId'));
  }

  @Mutation(() => ConsentModel, { description: 'Records the resident\'s consent; it replaces any earlier one.' })
  recordConsent(@CurrentPrincipal() principal: Principal, @Args('input') input: RecordConsentInput) {
    return this.consentService.record(principal, input);
  }

  @Mutation(() => ConsentModel, { description: 'Takes effect on the very next request.' })
  withdrawConsent(@CurrentPrincipal() principal: Principal, @Args() { id, reason }: WithdrawConsentArgs) {
    return this.consentService.withdraw(principal, requireUuid(id, 'id'), reason);
  }
}
