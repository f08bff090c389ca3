import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { HubError, HubErrorCode } from '@hub/platform';
import { withheldFromSender } from './feedback';
import { AppointmentModel, OutcomeMeasureModel, OutcomeModel, ReferralEventModel } from './lifecycle.model';
import type { RecordedOutcome } from './outcome';
import type { ReferralEventView } from './referral-timeline';

/** An outcome as resolved for one side: scores only for the service that recorded them. */
export type OutcomeView = RecordedOutcome & { forRecipient: boolean };

/** Fields of a timeline entry, each released by who wrote it and which side is reading. */
@Resolver(() => ReferralEventModel)
export class ReferralEventResolver {
  /** Free text: its author's organisation reads it; the recipient reads the sender's where it may read NOTES. */
  @ResolveField(() => String, { nullable: true })
  note(@Parent() event: ReferralEventView): string | null {
    const { record, viewer } = event;
    if (record.note === null || record.actor.orgId === viewer.orgId) return record.note;
    if (viewer.side === 'RECIPIENT' && viewer.notesReadable) return record.note;
    throw new HubError(HubErrorCode.FIELD_WITHHELD, 'note was withheld: it was written by the other side of the referral.', {
      field: 'note',
      reason: viewer.side === 'RECIPIENT' ? 'NOTES_NOT_COVERED' : 'RECIPIENT_ONLY',
    });
  }

  @ResolveField(() => AppointmentModel, { nullable: true })
  appointment(@Parent() event: ReferralEventView): AppointmentModel | null {
    const { record, viewer } = event;
    if (!record.appointmentAt) return null;
    if (viewer.side === 'SENDER') throw withheldFromSender('appointment');
    return { at: record.appointmentAt, place: record.appointmentPlace, byPhone: record.appointmentByPhone ?? false };
  }

  @ResolveField(() => OutcomeModel, { nullable: true })
  outcome(@Parent() event: ReferralEventView): OutcomeView | null {
    const { outcome } = event.record;
    return outcome && { ...outcome, forRecipient: event.viewer.side === 'RECIPIENT' };
  }
}

@Resolver(() => OutcomeModel)
export class OutcomeResolver {
  @ResolveField(() => [OutcomeMeasureModel], { nullable: true, description: 'Scores stay with the service that recorded them.' })
  measures(@Parent() outcome: OutcomeView): OutcomeMeasureModel[] {
    if (!outcome.forRecipient && outcome.measures.length > 0) throw withheldFromSender('measures');
    return outcome.forRecipient ? outcome.measures : [];
  }
}
