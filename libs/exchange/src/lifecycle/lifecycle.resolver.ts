import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import type { OrganisationEntity } from '@hub/organisations';
import { ClosureReason } from '@hub/vocabulary';
import { ReferralModel } from '../referrals/referral.model';
import { ReferralService } from '../referrals/referral.service';
import type { ReferralView } from '../referrals/referral-view';
import { TransitionReferralInput } from './dto/transition-referral.input';
import { assertFeedback, withheldFromSender } from './feedback';
import {
  AppointmentModel,
  EarlierReferralModel,
  OutcomeModel,
  ReferralEventModel,
  ServiceLevelModel,
} from './lifecycle.model';
import { ReferralClock } from './referral-clock';
import { ReferralLifecycleService } from './referral-lifecycle.service';
import { loadTimeline, type ReferralEventView, toEventView } from './referral-timeline';
import { overdueReasons } from './service-levels';

/** The lifecycle's side of a referral: moving it, and what each side may follow of it. */
@Resolver(() => ReferralModel)
export class LifecycleResolver {
  constructor(
    private readonly lifecycle: ReferralLifecycleService,
    private readonly referrals: ReferralService,
    private readonly clock: ReferralClock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => ReferralModel, { description: 'Moves a referral along its lifecycle (docs/ARCHITECTURE.md lists each step).' })
  transitionReferral(@CurrentPrincipal() principal: Principal, @Args('input') input: TransitionReferralInput) {
    return this.lifecycle.transition(principal, input);
  }

  @ResolveField(() => Int, { nullable: true, description: 'Send it back as expectedVersion so a move made meanwhile is not overwritten.' })
  version(@Parent() referral: ReferralView): number {
    assertFeedback(referral, 'version');
    return referral.record.rowVersion;
  }

  @ResolveField(() => ServiceLevelModel, { nullable: true })
  serviceLevel(@Parent() referral: ReferralView): ServiceLevelModel {
    assertFeedback(referral, 'serviceLevel');
    const { record } = referral;
    return {
      acknowledgeBy: record.acknowledgeDueAt,
      contactBy: record.contactDueAt,
      overdue: overdueReasons(record, this.clock.now()),
      paused: record.pausedAt !== null,
    };
  }

  @ResolveField(() => ClosureReason, { nullable: true, description: 'Why it was declined, closed unmet or cancelled.' })
  closureReason(@Parent() referral: ReferralView): ClosureReason | null {
    assertFeedback(referral, 'closureReason');
    return referral.record.closureReason;
  }

  @ResolveField(() => OutcomeModel, { nullable: true, description: 'The outcome, when completed.' })
  outcome(@Parent() referral: ReferralView) {
    assertFeedback(referral, 'outcome');
    const { outcome } = referral.record;
    // The recipient's view carries no feedback decision: only the sender's does.
    return outcome && { ...outcome, forRecipient: !referral.feedback };
  }

  @ResolveField(() => AppointmentModel, { nullable: true })
  appointment(@Parent() referral: ReferralView): AppointmentModel | null {
    const { record } = referral;
    if (!record.appointmentAt) return null;
    if (referral.feedback) throw withheldFromSender('appointment');
    return { at: record.appointmentAt, place: record.appointmentPlace, byPhone: record.appointmentByPhone ?? false };
  }

  @ResolveField(() => [ReferralEventModel], { nullable: true, description: 'Every step, oldest first, as this side may see it.' })
  async timeline(@CurrentPrincipal() principal: Principal, @Parent() referral: ReferralView): Promise<ReferralEventView[]> {
    assertFeedback(referral, 'timeline');
    // Every event is the sender's or the recipient's doing: the view already holds both organisations.
    const organisations = new Map([referral.sender, referral.recipient].map((o) => [o.id, o as OrganisationEntity]));
    const side = referral.sender.id === principal.orgId ? 'SENDER' : 'RECIPIENT';
    const viewer = { orgId: principal.orgId, side, notesReadable: referral.caseAccess?.canRead('notes') ?? false } as const;
    return (await loadTimeline(this.dataSource.manager, referral.id)).map(({ record, cursor }) =>
      toEventView(record, cursor, viewer, organisations),
    );
  }

  @ResolveField(() => [EarlierReferralModel], {
    description: 'Earlier referrals of the same person to this recipient, with attendance: the recipient\'s own records.',
  })
  earlierReferrals(@CurrentPrincipal() principal: Principal, @Parent() referral: ReferralView) {
    return this.referrals.earlierReferrals(principal, referral);
  }
}
