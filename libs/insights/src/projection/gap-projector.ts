import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HUB_ENVIRONMENT, type HubEnvironment } from '@hub/platform';
import { InsightsDatabase } from './insights-database';

/** The checkpoint row of the referral-event projection in `insights.projection`. */
export const REFERRAL_EVENTS_STREAM = 'referral_events';
/** Events folded per transaction. */
export const GAP_BATCH = 2000;

/**
 * Folds the published events in (last, through] into gap_cells, set-based, in one statement:
 * - month: the London month the event happened in (a closed month never changes);
 * - one row per need of the referral and one with need '*' (all needs: each referral once);
 * - NULL boroughs count as UNKNOWN, no service as NONE; detail '' when the metric has none;
 * - SENT, ACCEPTED, COMPLETED, ATTENDED, DID_NOT_ATTEND as they are; DECLINED and CLOSED_UNMET by reason;
 *   the first CONTACTED (from ACCEPTED) as FIRST_CONTACT by whole days since sending (floor);
 * - a COMPLETED event's measures as OUTCOME per instrument: per item END minus BASELINE, signed so that
 *   positive is better (PHQ9, GAD7, MYCAW and ONS4's ANXIETY item: lower is better), summed over the
 *   instrument's items having both timepoints: IMPROVED, UNCHANGED or WORSENED. An instrument with no
 *   item scored at both is left out.
 */
const FOLD = `
  WITH batch AS (
    SELECT e.seq, e.type, e.from_status, e.at, e.sent_at, e.needs, e.reason, e.measures,
           date_trunc('month', e.at AT TIME ZONE 'Europe/London')::date AS month,
           coalesce(nullif(e.residence_borough, ''), 'UNKNOWN') AS residence_borough,
           coalesce(nullif(e.service_borough, ''), 'UNKNOWN') AS service_borough,
           coalesce(nullif(e.service_id, ''), 'NONE') AS service_id,
           coalesce(nullif(e.recipient_org, ''), 'UNKNOWN') AS recipient_org
      FROM hub_events.referral_events e
     WHERE e.seq > $1::bigint AND e.seq <= $2::bigint
  ), facts AS (
    SELECT b.month, b.needs, b.residence_borough, b.service_borough, b.service_id, b.recipient_org,
           CASE b.type WHEN 'CONTACTED' THEN 'FIRST_CONTACT' ELSE b.type END AS metric,
           CASE b.type
             WHEN 'DECLINED' THEN coalesce(b.reason, '')
             WHEN 'CLOSED_UNMET' THEN coalesce(b.reason, '')
             WHEN 'CONTACTED' THEN coalesce(floor(extract(epoch FROM b.at - b.sent_at) / 86400)::bigint::text, '')
             ELSE ''
           END AS detail
      FROM batch b
     WHERE b.type IN ('SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'CLOSED_UNMET', 'ATTENDED', 'DID_NOT_ATTEND')
        -- First contact only: a contact after a missed appointment (from DID_NOT_ATTEND) is a recontact.
        OR (b.type = 'CONTACTED' AND b.from_status = 'ACCEPTED')
    UNION ALL
    SELECT b.month, b.needs, b.residence_borough, b.service_borough, b.service_id, b.recipient_org,
           'OUTCOME' AS metric,
           o.instrument || ':' || CASE WHEN o.change > 0 THEN 'IMPROVED' WHEN o.change = 0 THEN 'UNCHANGED' ELSE 'WORSENED' END AS detail
      FROM batch b
     CROSS JOIN LATERAL (
       SELECT i.instrument,
              sum(CASE WHEN i.instrument IN ('PHQ9', 'GAD7', 'MYCAW') OR (i.instrument = 'ONS4' AND i.item = 'ANXIETY')
                       THEN i.baseline - i.end_score ELSE i.end_score - i.baseline END) AS change
         FROM (
           SELECT m ->> 'instrument' AS instrument,
                  coalesce(m ->> 'item', '') AS item,
                  max((m ->> 'score')::numeric) FILTER (WHERE m ->> 'timepoint' = 'BASELINE') AS baseline,
                  max((m ->> 'score')::numeric) FILTER (WHERE m ->> 'timepoint' = 'END') AS end_score
             FROM jsonb_array_elements(b.measures) AS m
            GROUP BY 1, 2
         ) i
        WHERE i.baseline IS NOT NULL AND i.end_score IS NOT NULL
        GROUP BY i.instrument
     ) o
     WHERE b.type = 'COMPLETED' AND b.measures IS NOT NULL
  )
  INSERT INTO insights.gap_cells AS g
    (month, need, residence_borough, service_borough, service_id, recipient_org, metric, detail, count)
  SELECT f.month, n.need, f.residence_borough, f.service_borough, f.service_id, f.recipient_org, f.metric, f.detail, count(*)
    FROM facts f
   CROSS JOIN LATERAL (SELECT '*'::text AS need UNION SELECT unnest(f.needs)) n
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (month, need, residence_borough, service_borough, service_id, recipient_org, metric, detail)
  DO UPDATE SET count = g.count + excluded.count`;

/**
 * Keeps `insights.gap_cells` up to date with the published referral events (`hub_events.referral_events`),
 * exactly once: each batch folds and moves the checkpoint in one transaction, holding the checkpoint row
 * locked, so a second projector (another process, or a concurrent call) waits and then starts after it.
 * Runs as `hub_insights` (InsightsDatabase). Polls every OUTBOX_POLL_MS; stops on module destroy.
 */
@Injectable()
export class GapProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GapProjector.name);
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly insights: InsightsDatabase,
    @Inject(HUB_ENVIRONMENT) private readonly environment: HubEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Waits for a batch in flight to commit, so the DataSource can close after. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  /** Folds every published event after the checkpoint; returns how many this call folded. */
  async catchUp(batchSize = GAP_BATCH): Promise<number> {
    let folded = 0;
    for (;;) {
      const batch = await this.insights.run((manager) => this.foldBatch(manager, batchSize));
      folded += batch;
      if (batch < batchSize) return folded;
    }
  }

  /** The background loop's catch-up: the same batches, but a stop is obeyed between them. */
  private async drain(): Promise<void> {
    while (!this.stopping) {
      const batch = await this.insights.run((manager) => this.foldBatch(manager, GAP_BATCH));
      if (batch < GAP_BATCH) return;
    }
  }

  private async foldBatch(manager: EntityManager, batchSize: number): Promise<number> {
    const checkpoint: { last_seq: string }[] = await manager.query(
      'SELECT last_seq::text AS last_seq FROM insights.projection WHERE stream = $1 FOR UPDATE',
      [REFERRAL_EVENTS_STREAM],
    );
    if (checkpoint.length === 0) throw new Error(`insights.projection has no ${REFERRAL_EVENTS_STREAM} row`);
    const last = checkpoint[0].last_seq;
    const [{ events, through }]: { events: number; through: string | null }[] = await manager.query(
      `SELECT count(*)::int AS events, max(seq)::text AS through
         FROM (SELECT seq FROM hub_events.referral_events WHERE seq > $1::bigint ORDER BY seq LIMIT $2) batch`,
      [last, batchSize],
    );
    if (events === 0 || through === null) return 0;
    await manager.query(FOLD, [last, through]);
    await manager.query('UPDATE insights.projection SET last_seq = $2::bigint WHERE stream = $1', [REFERRAL_EVENTS_STREAM, through]);
    return events;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.drain();
      } catch (error) {
        this.logger.warn(`gap projection failed, retrying: ${(error as Error).message}`);
      }
      await this.sleep(this.environment.OUTBOX_POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
