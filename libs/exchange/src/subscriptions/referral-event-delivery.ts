import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '@hub/identity';
import { OrganisationEntity } from '@hub/organisations';
import { Purpose } from '@hub/vocabulary';
import { londonToday } from '../agreements/agreement-status';
import type { ReferralEventRecord } from '../lifecycle/referral-events';
import { EVENT_COLUMNS, eventRecordOf, type ReferralEventView, toEventView } from '../lifecycle/referral-timeline';
import type { ReferralSide } from '../lifecycle/referral-transitions';
import { chooseAgreement } from '../policy/access-decision';
import { caseAccessFor } from '../policy/case-access';
import { loadAgreementsBetween, loadPolicyFacts } from '../policy/policy-facts.loader';
import { MemoCache } from './memo-cache';
import type { PublishedEvent } from '../events/outbox-feed';

interface StoredEvent {
  record: ReferralEventRecord;
  caseId: string;
}

/** Long enough to serve every subscriber woken by one event, short enough that a replay decides afresh. */
const DECISION_TTL_MS = 5_000;

/**
 * Turns a published event into what one subscriber may see of it, deciding at delivery time: the
 * stored record (by eventId), the sender's right to feedback, the recipient's access to notes.
 * Each answer is shared by every subscriber that needs the same one.
 */
@Injectable()
export class ReferralEventDelivery {
  private readonly stored = new MemoCache<StoredEvent | undefined>(1_000, 60_000);
  private readonly feedback = new MemoCache<boolean>(1_000, DECISION_TTL_MS);
  private readonly notes = new MemoCache<boolean>(4_000, DECISION_TTL_MS);
  private organisations?: Promise<Map<string, OrganisationEntity>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The view for this subscriber, or undefined when its side may not see the event now. */
  async viewFor(published: PublishedEvent, principal: Principal, side: ReferralSide): Promise<ReferralEventView | undefined> {
    const { payload } = published;
    if (side === 'SENDER' && !(await this.feedback.get(published.eventId, () => this.feedbackAllowed(payload.senderOrg, payload.recipientOrg)))) {
      return undefined;
    }
    const stored = await this.stored.get(published.eventId, () => this.load(published.eventId));
    if (!stored) return undefined;
    const notesReadable = side === 'RECIPIENT' && (await this.notes.get(accessKey(published.eventId, principal), () => this.notesReadable(principal, stored.caseId)));
    const viewer = { orgId: principal.orgId, side, notesReadable };
    return toEventView(stored.record, published.cursor, viewer, await this.organisationsWith(stored.record.actor.orgId));
  }

  /** The closed loop: the sender follows a referral only while an ACTIVE agreement covers REFERRER_FEEDBACK. */
  private async feedbackAllowed(sender: string, recipient: string): Promise<boolean> {
    const agreements = await loadAgreementsBetween(this.dataSource.manager, sender, [recipient]);
    return chooseAgreement(agreements, sender, recipient, undefined, Purpose.REFERRER_FEEDBACK, londonToday()).allowed;
  }

  private async notesReadable(principal: Principal, caseId: string): Promise<boolean> {
    const { facts } = await loadPolicyFacts(this.dataSource.manager, principal.orgId, [caseId]);
    return caseAccessFor(principal, facts, londonToday()).get(caseId)?.canRead('notes') ?? false;
  }

  private async load(eventId: string): Promise<StoredEvent | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS}, r.case_id FROM exchange.referral_events e
         JOIN exchange.referrals r ON r.id = e.referral_id
         LEFT JOIN exchange.outbox o ON o.event_id = e.id
        WHERE e.id = $1`,
      [eventId],
    );
    return row && { record: eventRecordOf(row), caseId: row.case_id as string };
  }

  /** Organisations change rarely: read once, again only when an actor is missing. */
  private async organisationsWith(orgId: string): Promise<Map<string, OrganisationEntity>> {
    const known = this.organisations && (await this.organisations.catch(() => undefined));
    if (known?.has(orgId)) return known;
    this.organisations = this.dataSource.manager
      .findBy(OrganisationEntity, {})
      .then((all) => new Map(all.map((o) => [o.id, o])));
    return this.organisations;
  }
}

/** What the case policy decides depends on the organisation, role and scopes, not the user. */
function accessKey(eventId: string, principal: Principal): string {
  return [eventId, principal.orgId, principal.role, [...principal.scopes].sort().join(' ')].join('|');
}
