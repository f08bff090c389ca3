import { AbilityBuilder, createMongoAbility, type MongoAbility, subject as asSubject } from '@casl/ability';
import type { Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { Role } from '@hub/vocabulary';

type Action = 'create' | 'record' | 'withdraw' | 'send' | 'propose' | 'sign' | 'suspend' | 'terminate' | 'viewAudit';
type SubjectType = 'Case' | 'Consent' | 'Referral' | 'Agreement' | 'AuditTrail';
type HubAbility = MongoAbility<[Action, SubjectType | Record<string, unknown>]>;

const CASEWORK = [Role.LINK_WORKER, Role.VOLUNTEER, Role.SERVICE_ADMIN];

/**
 * What a caller may do, by role (and, for machine clients, scope), as CASL rules. Conditions bind
 * each action to the caller's own organisation's records.
 */
export function hubAbilityFor(principal: Principal): HubAbility {
  const { can, build } = new AbilityBuilder<HubAbility>(createMongoAbility);
  const { role, orgId, scopes } = principal;
  const machine = (scope: string) => role === Role.INTEGRATOR && scopes.includes(scope);
  if (CASEWORK.includes(role) || machine('cases:write')) {
    can('create', 'Case');
    can(['record', 'withdraw'], 'Consent', { ownerOrg: orgId });
  }
  if (CASEWORK.includes(role) || machine('referrals:write')) can('send', 'Referral', { ownerOrg: orgId });
  if (role === Role.SERVICE_ADMIN) can('propose', 'Agreement', { parties: orgId });
  if (role === Role.SERVICE_ADMIN || role === Role.IG_LEAD) {
    can(['sign', 'suspend', 'terminate'], 'Agreement', { parties: orgId });
  }
  if ([Role.LINK_WORKER, Role.SERVICE_ADMIN, Role.IG_LEAD].includes(role)) {
    can('viewAudit', 'AuditTrail', { ownerOrg: orgId });
  }
  return build();
}

/** Refuses with FORBIDDEN unless the caller's ability allows the action on this record. */
export function assertCan(
  principal: Principal,
  action: Action,
  type: SubjectType,
  record: Record<string, unknown> = {},
): void {
  if (!hubAbilityFor(principal).can(action, asSubject(type, { ...record }) as never)) {
    throw new HubError(HubErrorCode.FORBIDDEN, `A ${principal.role} of ${principal.orgId} may not ${action} this ${type}.`, {
      action,
      subject: type,
    });
  }
}
