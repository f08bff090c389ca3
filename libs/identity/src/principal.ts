import type { Role } from '@hub/vocabulary';

/** Who is calling: the first argument of every service method that acts for someone. */
export interface Principal {
  /** The organisation's slug, bound to the token's issuer. */
  orgId: string;
  userId: string;
  role: Role;
  scopes: string[];
}
