import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HUB_ENVIRONMENT, HubError, HubErrorCode, type HubEnvironment } from '@hub/platform';
import type { ReferralEventPayload } from '../lifecycle/referral-events';
import { OUTBOX_BUS, type OutboxBus } from './outbox-bus';
import { OutboxSubscriber } from './outbox-subscriber';

/** An outbox row once the relay has stamped it. */
export interface PublishedEvent {
  /** delivery_seq as a decimal string: resume with `after: cursor`. */
  cursor: string;
  topic: string;
  aggregateId: string;
  eventId: string;
  payload: ReferralEventPayload;
  publishedAt: Date;
}

const PAGE = 1000;
const MAX_BIGINT = 9223372036854775807n;

/**
 * The published outbox, in delivery order, for this process's subscribers. One reader per process
 * follows the table (woken by the bus, or every OUTBOX_POLL_MS while anyone listens) and hands each
 * new row to every open stream; a stream replays from the table first, so nothing is skipped.
 */
@Injectable()
export class OutboxFeed implements OnModuleDestroy {
  /** Events one stream may hold unread before it is switched back to reading the table. */
  bufferLimit = 1000;
  private readonly logger = new Logger(OutboxFeed.name);
  private readonly subscribers = new Set<OutboxSubscriber>();
  /** Highest cursor handed to the streams; undefined while nobody listens (then nothing is read). */
  private last: bigint | undefined;
  private generation = 0;
  private starting: Promise<void> | undefined;
  private pumping = false;
  private pumpAgain = false;
  private poll: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX_BUS) bus: OutboxBus,
    @Inject(HUB_ENVIRONMENT) private readonly environment: HubEnvironment,
  ) {
    this.unsubscribe = bus.onAnnounce((head) => this.announced(head));
  }

  /** Events after `after` (null: from now on), in delivery order, then live ones as published. Never skips one; may repeat one around the switch from replay to live. Ends when `signal` aborts. */
  stream(after: string | null, signal: AbortSignal): AsyncIterable<PublishedEvent> {
    return this.follow(after === null ? null : parseCursor(after), signal);
  }

  /** The highest delivery cursor published so far ('0' when none). */
  async head(): Promise<string> {
    const [{ head }] = await this.dataSource.query('SELECT coalesce(max(delivery_seq), 0)::text AS head FROM exchange.outbox');
    return head;
  }

  onModuleDestroy(): void {
    this.close();
  }

  /** Ends every open stream; the DataSource may close after. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.stopReading();
    for (const subscriber of this.subscribers) subscriber.wakeUp();
  }

  private async *follow(after: bigint | null, signal: AbortSignal): AsyncGenerator<PublishedEvent> {
    if (this.closed || signal.aborted) return;
    const subscriber = new OutboxSubscriber(this.bufferLimit);
    const abort = () => subscriber.wakeUp();
    signal.addEventListener('abort', abort);
    const open = () => !signal.aborted && !this.closed;
    try {
      // Listen first: whatever is handed out from here on reaches us live; whatever was handed out
      // before was committed before the replay below starts reading, so the replay finds it.
      const liveFrom = await this.attach(subscriber);
      let last = after ?? liveFrom;
      let replay = after !== null;
      while (open()) {
        if (replay || subscriber.overflowed) {
          // Dropping the buffer loses nothing: all of it was committed before this read starts.
          subscriber.clear();
          replay = false;
          for (let page = await this.read(last); open(); page = await this.read(last)) {
            for (const event of page) {
              if (!open()) return;
              last = BigInt(event.cursor);
              yield event;
            }
            if (page.length < PAGE) break;
          }
          continue;
        }
        const event = subscriber.take();
        if (event) {
          const cursor = BigInt(event.cursor);
          if (cursor > last) {
            last = cursor;
            yield event;
          }
          continue;
        }
        await subscriber.next();
      }
    } finally {
      signal.removeEventListener('abort', abort);
      this.detach(subscriber);
    }
  }

  private async read(after: bigint): Promise<PublishedEvent[]> {
    const rows: (Omit<PublishedEvent, 'payload'> & { payload: ReferralEventPayload | string })[] = await this.dataSource.query(
      `SELECT delivery_seq::text AS cursor, topic, aggregate_id AS "aggregateId", event_id AS "eventId", payload,
              published_at AS "publishedAt"
         FROM exchange.outbox WHERE delivery_seq > $1 ORDER BY delivery_seq LIMIT ${PAGE}`,
      [after.toString()],
    );
    return rows.map((row) => ({
      ...row,
      payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as ReferralEventPayload) : row.payload,
      publishedAt: new Date(row.publishedAt),
    }));
  }

  /** Returns the cursor from which the subscriber receives every event live. */
  private async attach(subscriber: OutboxSubscriber): Promise<bigint> {
    this.subscribers.add(subscriber);
    while (this.last === undefined && !this.closed) {
      this.starting ??= this.startReading().finally(() => (this.starting = undefined));
      await this.starting;
    }
    return this.last ?? 0n;
  }

  private detach(subscriber: OutboxSubscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.stopReading();
  }

  private async startReading(): Promise<void> {
    const head = BigInt(await this.head());
    if (this.closed || this.subscribers.size === 0) return;
    this.last = head;
    this.poll = setInterval(() => this.pump(), this.environment.OUTBOX_POLL_MS);
    this.pump(); // an announcement may have come while the head was read
  }

  private stopReading(): void {
    this.generation += 1;
    this.last = undefined;
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private announced(head: string | null): void {
    if (this.last === undefined) return;
    if (head !== null && /^\d{1,19}$/.test(head) && BigInt(head) <= this.last) return;
    this.pump();
  }

  /** One read at a time; a wake-up during a read is remembered and read again after. */
  private pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    this.pumpAgain = false;
    void this.handOut().finally(() => {
      this.pumping = false;
      if (this.pumpAgain) this.pump();
    });
  }

  private async handOut(): Promise<void> {
    while (this.last !== undefined && !this.closed) {
      const generation = this.generation;
      let page: PublishedEvent[];
      try {
        page = await this.read(this.last);
      } catch (error) {
        this.logger.warn(`outbox feed read failed (retrying on the next poll): ${(error as Error).message}`);
        return;
      }
      if (generation !== this.generation) return;
      for (const event of page) {
        this.last = BigInt(event.cursor);
        for (const subscriber of this.subscribers) subscriber.push(event);
      }
      if (page.length < PAGE) return;
    }
  }
}

/** A cursor is a delivery_seq: a non-negative 64-bit integer in decimal. */
export function parseCursor(after: string): bigint {
  if (!/^\d{1,19}$/.test(after) || BigInt(after) > MAX_BIGINT) {
    throw new HubError(HubErrorCode.BAD_USER_INPUT, 'after must be the cursor of an earlier event (a non-negative integer).', {
      field: 'after',
    });
  }
  return BigInt(after);
}
