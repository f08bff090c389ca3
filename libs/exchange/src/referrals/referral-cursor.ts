import { HubError, HubErrorCode } from '@hub/platform';

/** Opaque keyset cursors: stable under inserts, unlike offsets. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const when = new Date(at);
  if (!id || Number.isNaN(when.getTime())) {
    throw new HubError(HubErrorCode.BAD_USER_INPUT, 'after is not a cursor this hub gave out', { field: 'after' });
  }
  return { at: when, id };
}
