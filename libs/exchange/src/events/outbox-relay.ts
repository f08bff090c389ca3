import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HUB_ENVIRONMENT, type HubEnvironment } from '@hub/platform';
import { OUTBOX_BUS, type OutboxBus } from './outbox-bus';
import { onOutboxWritten } from './outbox-signal';

/** Held to commit by whichever relay stamps: one at a time in the whole database. */
export const OUTBOX_RELAY_LOCK = '7022629598041763688';
const BATCH = 500;
/** Another relay held the lock: it may have missed rows committed just after its read, so look again soon. */
const CONTENDED_RETRY_MS = 100;

/**
 * Stamps delivery cursors in seq order, in one statement: nextval runs over the batch already sorted
 * (the CTE is materialised before the UPDATE joins it), so delivery order follows outbox order.
 */
const STAMP = `
  WITH batch AS (
    SELECT seq FROM exchange.outbox WHERE delivery_seq IS NULL ORDER BY seq LIMIT $1
  ), stamps AS (
    SELECT seq, nextval('exchange.outbox_delivery_seq') AS delivery_seq FROM (SELECT seq FROM batch ORDER BY seq) sorted
  ), stamped AS (
    UPDATE exchange.outbox o SET delivery_seq = s.delivery_seq, published_at = now()
      FROM stamps s WHERE o.seq = s.seq
    RETURNING o.delivery_seq
  )
  SELECT delivery_seq::text AS cursor FROM stamped ORDER BY delivery_seq`;

export interface RelayBatch {
  /** False when another relay held the lock and nothing was done. */
  locked: boolean;
  /** The delivery cursors stamped, ascending. */
  cursors: string[];
}

/**
 * Publishes the outbox. Stamping a row with its delivery cursor is publishing it: every feed reads the
 * table, and the bus only wakes them sooner. A process killed before stamping leaves the row for the
 * next relay; killed after stamping but before announcing, feeds still find the row on their poll.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private running: Promise<void> | undefined;
  private stopping = false;
  private woken = false;
  private wake: (() => void) | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX_BUS) private readonly bus: OutboxBus,
    @Inject(HUB_ENVIRONMENT) private readonly environment: HubEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    if (this.environment.OUTBOX_RELAY === 'on') this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    const unsubscribe = onOutboxWritten(() => this.kick());
    this.running = this.loop().finally(unsubscribe);
  }

  /** Waits for a batch in flight to commit, so the DataSource can close after. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.kick();
    await this.running;
    this.running = undefined;
  }

  /** One batch in one transaction: lock, stamp, announce (at commit, on PostgreSQL). */
  async relayOnce(): Promise<RelayBatch> {
    const batch = await this.dataSource.transaction(async (manager): Promise<RelayBatch> => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [OUTBOX_RELAY_LOCK]);
      if (!locked) return { locked: false, cursors: [] };
      const rows: { cursor: string }[] = await manager.query(STAMP, [BATCH]);
      const cursors = rows.map((row) => row.cursor);
      if (cursors.length > 0 && this.bus.announceWithin) await this.bus.announceWithin(manager, cursors[cursors.length - 1]);
      return { locked: true, cursors };
    });
    if (batch.cursors.length > 0 && !this.bus.announceWithin) {
      // After commit: feeds must be able to read what they are woken for.
      await this.bus.announce(batch.cursors[batch.cursors.length - 1]).catch((error: Error) =>
        this.logger.warn(`outbox announcement failed (feeds will poll): ${error.message}`),
      );
    }
    return batch;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let pause = this.environment.OUTBOX_POLL_MS;
      try {
        const batch = await this.relayOnce();
        if (batch.cursors.length === BATCH) continue;
        if (!batch.locked) pause = Math.min(pause, CONTENDED_RETRY_MS);
      } catch (error) {
        this.logger.warn(`outbox relay batch failed, retrying: ${(error as Error).message}`);
      }
      await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopping) {
      this.woken = false;
      return Promise.resolve();
    }
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

  /** A wake-up during a batch is remembered, so a row committed meanwhile is not left for the poll. */
  private kick(): void {
    if (this.wake) this.wake();
    else this.woken = true;
  }
}
