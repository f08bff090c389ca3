import { HubError, HubErrorCode } from '@hub/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Service ids are UUIDs; anything else is the caller's mistake, said before any query runs. */
export function requireUuid(value: string, field: string): string {
  if (!UUID.test(value)) throw new HubError(HubErrorCode.BAD_USER_INPUT, `${field} must be a UUID`, { field });
  return value.toLowerCase();
}
