/**
 * Where the hub reads the time. Service levels ("overdue") are computed from stored deadlines and
 * now, so tests that cross a bank holiday set the time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const HUB_CLOCK = Symbol('HUB_CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** The system time until `set`, then frozen where it was set (tests, demos). */
export class SettableClock implements Clock {
  private frozen: Date | undefined;
  now(): Date {
    return this.frozen ? new Date(this.frozen.getTime()) : new Date();
  }
  set(instant: Date | string): void {
    this.frozen = new Date(instant);
  }
  /** Back to the system time. */
  release(): void {
    this.frozen = undefined;
  }
}
