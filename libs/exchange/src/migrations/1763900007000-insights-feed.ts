import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureHubEventsSchema, grantViewToInsights } from '@hub/platform';

/**
 * What insights may read of the exchange: `hub_events.referral_events`, the published referral events
 * (outbox rows the relay stamped), one row per event, de-identified as the payload already is, minus
 * the dates measures were recorded on. The view reads the outbox with its owner's rights; the insights
 * role is granted the view alone, so it can count events and can never read a case, a referral or the
 * outbox itself. `seq` is the delivery cursor: commit order, the projection's checkpoint.
 */
export class InsightsFeed1763900007000 implements MigrationInterface {
  name = 'InsightsFeed1763900007000';

  async up(db: QueryRunner): Promise<void> {
    await ensureHubEventsSchema(db);
    await db.query(`
      CREATE VIEW hub_events.referral_events AS
      SELECT o.delivery_seq AS seq,
             (o.payload ->> 'type')::text AS type,
             (o.payload ->> 'fromStatus')::text AS from_status,
             (o.payload ->> 'at')::timestamptz AS at,
             (o.payload ->> 'sentAt')::timestamptz AS sent_at,
             ARRAY(SELECT n.need FROM jsonb_array_elements_text(o.payload -> 'needs') WITH ORDINALITY AS n(need, i) ORDER BY n.i)::text[] AS needs,
             (o.payload ->> 'serviceId')::text AS service_id,
             (o.payload ->> 'recipientOrg')::text AS recipient_org,
             org.borough::text AS service_borough,
             (o.payload ->> 'residentBorough')::text AS residence_borough,
             (o.payload ->> 'ageBand')::text AS age_band,
             (o.payload ->> 'reason')::text AS reason,
             (SELECT jsonb_agg(m.measure - 'recordedOn' ORDER BY m.i)
                FROM jsonb_array_elements(o.payload -> 'outcome' -> 'measures') WITH ORDINALITY AS m(measure, i)) AS measures
        FROM exchange.outbox o
        LEFT JOIN exchange.organisations org ON org.id = o.payload ->> 'recipientOrg'
       WHERE o.topic = 'referral.event' AND o.delivery_seq IS NOT NULL`);
    await grantViewToInsights(db, 'hub_events.referral_events');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW hub_events.referral_events');
  }
}
