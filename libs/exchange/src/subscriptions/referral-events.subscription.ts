import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { ReferralDirection } from '@hub/vocabulary';
import { OutboxFeed, parseCursor } from '../events/outbox-feed';
import { requireUuid } from '../ids';
import { ReferralEventModel } from '../lifecycle/lifecycle.model';
import { REFERRAL_EVENT_TOPIC } from '../lifecycle/referral-events';
import type { ReferralEventView } from '../lifecycle/referral-timeline';
import { abortable } from './abortable';
import { assertMaySubscribe, endsReferral, type EventFilter, sideFor } from './event-audience';
import { ReferralEventDelivery } from './referral-event-delivery';

@Resolver(() => ReferralEventModel)
export class ReferralEventsSubscription {
  constructor(
    private readonly feed: OutboxFeed,
    private readonly delivery: ReferralEventDelivery,
  ) {}

  @Subscription(() => ReferralEventModel, {
    description:
      'Events of referrals your organisation sent (while the agreement covers REFERRER_FEEDBACK) or received, in delivery order. ' +
      'Pass the last cursor you received as `after` to replay what you missed. With `referralId`, completes after REVOKED.',
    resolve: (view: ReferralEventView) => view,
  })
  referralEvents(
    @CurrentPrincipal() principal: Principal,
    @Args('direction', { type: () => ReferralDirection, nullable: true }) direction?: ReferralDirection,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('referralId', { type: () => ID, nullable: true }) referralId?: string,
  ): AsyncIterableIterator<ReferralEventView> {
    assertMaySubscribe(principal);
    // Refused here, before the stream starts, so the caller gets BAD_USER_INPUT rather than a broken stream.
    const from = after ? parseCursor(after) : null;
    const filter: EventFilter = { direction: direction ?? undefined, referralId: referralId ? requireUuid(referralId, 'referralId') : undefined };
    return abortable((signal) => this.deliver(principal, filter, from, signal));
  }

  /** After `from` (null: from now on), in delivery order. */
  private async *deliver(principal: Principal, filter: EventFilter, from: bigint | null, signal: AbortSignal) {
    let last = from;
    for await (const published of this.feed.stream(from === null ? null : from.toString(), signal)) {
      // The feed may repeat one (replay meeting live): a cursor not after the last was delivered already.
      const cursor = BigInt(published.cursor);
      if (last !== null && cursor <= last) continue;
      last = cursor;
      if (published.topic !== REFERRAL_EVENT_TOPIC) continue;
      const side = sideFor(published.payload, principal.orgId, filter);
      if (!side) continue;
      const view = await this.delivery.viewFor(published, principal, side);
      if (view) yield view;
      if (filter.referralId && endsReferral(published.payload)) return;
    }
  }
}
