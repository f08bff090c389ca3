import { EventEmitter } from 'node:events';

/**
 * The in-process nudge from writers to the relay: "an outbox row just committed". Losing one only
 * delays publication until the relay's next poll, so it carries nothing and is never awaited.
 */
const written = new EventEmitter().setMaxListeners(0);

/** Call after the transaction that wrote outbox rows has committed (never inside it). */
export function notifyOutboxWritten(): void {
  written.emit('written');
}

/** Returns the unsubscribe function. */
export function onOutboxWritten(listener: () => void): () => void {
  written.on('written', listener);
  return () => written.off('written', listener);
}
