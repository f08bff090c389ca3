import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { NeedCategory, ReferralDirection, ReferralStatus } from '@hub/vocabulary';
import { CaseModel } from '../cases/case.model';
import { CaseReader } from '../cases/case-reader';
import { requireUuid } from '../ids';
import { FieldWithheldError } from '../policy/field-withheld.error';
import { selectedFields } from '../policy/selected-fields';
import { SendReferralInput } from './dto/send-referral.input';
import { ReferralConnection, ReferralModel } from './referral.model';
import { ReferralService } from './referral.service';
import type { ReferralView } from './referral-view';

@Resolver(() => ReferralModel)
export class ReferralResolver {
  constructor(
    private readonly referralService: ReferralService,
    private readonly reader: CaseReader,
  ) {}

  @Query(() => ReferralModel, { nullable: true })
  referral(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.referralService.byId(principal, requireUuid(id, 'id'), selectedFields(info).has('needs'));
  }

  /**
   * A referral reached by reference (`_entities`, e.g. from another subgraph's field) is the same as
   * `referral(id)`: only its sender or recipient gets it. Needs count as asked, so any disclosure is audited.
   */
  @ResolveReference()
  resolveReference(reference: { id: string }, context: { principal: Principal }) {
    return this.referralService.byId(context.principal, requireUuid(reference.id, 'id'), true);
  }

  @Query(() => ReferralConnection, { description: 'Referrals your organisation received (INBOUND) or sent (OUTBOUND).' })
  async referrals(
    @CurrentPrincipal() principal: Principal,
    @Args('direction', { type: () => ReferralDirection }) direction: ReferralDirection,
    @Args('status', { type: () => [ReferralStatus], nullable: true }) status?: ReferralStatus[],
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first = 20,
    @Args('after', { nullable: true }) after?: string,
    @Args('overdue', { type: () => Boolean, nullable: true, description: 'Only referrals past (true) or within (false) their service levels.' })
    overdue?: boolean | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ReferralConnection> {
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw new HubError(HubErrorCode.BAD_USER_INPUT, 'first must be between 1 and 100', { field: 'first' });
    }
    const needsAsked = info ? selectedFields(info, ['edges', 'node']).has('needs') : true;
    const page = await this.referralService.page(principal, direction, status, first, after, needsAsked, overdue ?? undefined);
    const edges = page.views.map((node) => ({ cursor: this.referralService.cursorOf(node), node }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Mutation(() => ReferralModel, { description: 'Sends a case to another organisation under an agreement and the resident\'s consent.' })
  sendReferral(@CurrentPrincipal() principal: Principal, @Args('input') input: SendReferralInput) {
    return this.referralService.send(principal, input);
  }

  /** The needs are case data (NEEDS): the recipient sees them only as the policy allows. */
  @ResolveField(() => [NeedCategory], { nullable: true, description: 'The needs this referral is about (NEEDS).' })
  needs(@Parent() referral: ReferralView): NeedCategory[] {
    if (referral.caseAccess && !referral.caseAccess.canRead('needs')) {
      throw new FieldWithheldError('needs', referral.caseAccess.decisionFor('needs'));
    }
    return referral.needs;
  }

  /** The closed loop: the sender follows the status when the agreement covers REFERRER_FEEDBACK. */
  @ResolveField(() => ReferralStatus, {
    nullable: true,
    description: 'Withheld from the sender unless the agreement covers REFERRER_FEEDBACK.',
  })
  status(@Parent() referral: ReferralView): ReferralStatus | null {
    if (referral.feedback && !referral.feedback.allowed) {
      throw new HubError(HubErrorCode.FIELD_WITHHELD, `status was withheld: ${referral.feedback.reason}`, {
        field: 'status',
        reason: referral.feedback.rule,
      });
    }
    return referral.status;
  }

  @ResolveField(() => CaseModel, { nullable: true, description: 'The case, through the policy.' })
  case(@CurrentPrincipal() principal: Principal, @Parent() referral: ReferralView, @Info() info: GraphQLResolveInfo) {
    return this.reader.readOne(principal, referral.caseId, selectedFields(info));
  }
}
