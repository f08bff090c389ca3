import { registerEnumType } from '@nestjs/graphql';

/** Who is acting. Roles narrow what an organisation may read; they never widen it. */
export enum Role {
  LINK_WORKER = 'LINK_WORKER',
  VOLUNTEER = 'VOLUNTEER',
  SERVICE_ADMIN = 'SERVICE_ADMIN',
  COMMISSIONER = 'COMMISSIONER',
  /** A machine client (a service's CRM); what it reads is bounded by its token's scopes. */
  INTEGRATOR = 'INTEGRATOR',
  /** Information governance lead / data protection officer. */
  IG_LEAD = 'IG_LEAD',
}

registerEnumType(Role, { name: 'Role' });

export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
