import type { PublishedEvent } from './outbox-feed';

/**
 * One stream's live events not yet taken. Bounded: past the limit it drops them all and says so, and
 * the stream re-reads the table from its last cursor instead (slower, but it never misses one).
 */
export class OutboxSubscriber {
  overflowed = false;
  private buffer: PublishedEvent[] = [];
  private waiting: (() => void) | undefined;

  constructor(private readonly limit: number) {}

  push(event: PublishedEvent): void {
    if (this.overflowed) return;
    if (this.buffer.length >= this.limit) {
      this.buffer = [];
      this.overflowed = true;
    } else {
      this.buffer.push(event);
    }
    this.wakeUp();
  }

  take(): PublishedEvent | undefined {
    return this.buffer.shift();
  }

  clear(): void {
    this.buffer = [];
    this.overflowed = false;
  }

  /** Resolves at the next push, overflow or wake-up (abort, feed closing). */
  next(): Promise<void> {
    if (this.buffer.length > 0 || this.overflowed) return Promise.resolve();
    return new Promise((resolve) => (this.waiting = resolve));
  }

  wakeUp(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }
}
