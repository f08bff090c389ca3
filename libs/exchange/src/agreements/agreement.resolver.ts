import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { AgreementStatus } from '@hub/vocabulary';
import { requireUuid } from '../ids';
import { ReasonArgs } from '../reason.args';
import { DataSharingAgreement } from './agreement.model';
import { AgreementService } from './agreement.service';
import { ProposeAgreementInput } from './dto/propose-agreement.input';

@Resolver(() => DataSharingAgreement)
export class AgreementResolver {
  constructor(private readonly agreementService: AgreementService) {}

  @Query(() => [DataSharingAgreement], { description: 'Agreements your organisation is party to.' })
  agreements(
    @CurrentPrincipal() principal: Principal,
    @Args('status', { type: () => AgreementStatus, nullable: true }) status?: AgreementStatus,
  ): Promise<DataSharingAgreement[]> {
    return this.agreementService.list(principal, status);
  }

  @Mutation(() => DataSharingAgreement, { description: 'A service admin proposes; every party then signs.' })
  proposeAgreement(@CurrentPrincipal() principal: Principal, @Args('input') input: ProposeAgreementInput) {
    return this.agreementService.propose(principal, input);
  }

  @Mutation(() => DataSharingAgreement, { description: 'ACTIVE once every party has signed and it has started.' })
  signAgreement(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.agreementService.sign(principal, requireUuid(id, 'id'));
  }

  @Mutation(() => DataSharingAgreement)
  suspendAgreement(@CurrentPrincipal() principal: Principal, @Args() { id, reason }: ReasonArgs) {
    return this.agreementService.suspend(principal, requireUuid(id, 'id'), reason);
  }

  @Mutation(() => DataSharingAgreement)
  terminateAgreement(@CurrentPrincipal() principal: Principal, @Args() { id, reason }: ReasonArgs) {
    return this.agreementService.terminate(principal, requireUuid(id, 'id'), reason);
  }
}
