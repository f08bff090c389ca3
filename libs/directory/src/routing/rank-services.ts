import type { Borough, NeedCategory } from '@hub/vocabulary';
import { CapacityStatus, capacityRank } from '../capacity-status';
import type { DistanceBand } from '../postcodes/postcode-status';
import type { ServiceEntity } from '../service.entity';
import { EligibilityBasis, RouteRefusal, UnmetNeedReason } from './route-reasons';

/** A case as routing sees it: no person, only what decides where it can go. */
export interface RoutableCase {
  needs: NeedCategory[];
  /** Boroughs the resident may live in: one, several (split postcode), or none (unknown / outside the area). */
  residence: Borough[];
  gpBorough?: Borough;
  /** Inclusive; an exact age is [age, age]. Absent: age not given, not checked. */
  ageRange?: [number, number];
  distanceTo?(service: ServiceEntity): DistanceBand | null;
}

export interface RankedService {
  service: ServiceEntity;
  meets: NeedCategory[];
  basis: EligibilityBasis[];
  distance: DistanceBand | null;
}

export interface RefusedService {
  service: ServiceEntity;
  reason: RouteRefusal;
}

export interface RoutingResult {
  options: RankedService[];
  refused: RefusedService[];
  unmet: { need: NeedCategory; reason: UnmetNeedReason }[];
}

const DISTANCE_RANK: Record<string, number> = { UNDER_1_MILE: 0, ONE_TO_3_MILES: 1, OVER_3_MILES: 2 };

/**
 * Every service either can take the case (ranked) or cannot (with the first reason that rules it out).
 * Order: most of the case's needs met (fewer hand-offs for the resident), then capacity (open, then the
 * shortest wait), then certain eligibility before a split postcode to confirm, then distance, then name.
 */
export function rankServices(services: readonly ServiceEntity[], routable: RoutableCase): RoutingResult {
  const options: RankedService[] = [];
  const refused: RefusedService[] = [];
  for (const service of services) {
    const meets = routable.needs.filter((need) => service.needs.includes(need));
    if (meets.length === 0) {
      refused.push({ service, reason: RouteRefusal.NEED_NOT_MET });
      continue;
    }
    if (!ageFits(service, routable.ageRange)) {
      refused.push({ service, reason: RouteRefusal.AGE_NOT_ELIGIBLE });
      continue;
    }
    const basis = eligibility(service, routable);
    if (basis.length === 0) refused.push({ service, reason: RouteRefusal.NOT_ELIGIBLE });
    else if (service.capacity === CapacityStatus.CLOSED) refused.push({ service, reason: RouteRefusal.NO_CAPACITY });
    else options.push({ service, meets, basis, distance: routable.distanceTo?.(service) ?? null });
  }
  options.sort(compareOptions);
  return { options, refused, unmet: unmetNeeds(routable.needs, options, refused) };
}

function ageFits(service: ServiceEntity, range?: [number, number]): boolean {
  if (!range) return true;
  return (service.minimumAge ?? 0) <= range[0] && range[1] <= (service.maximumAge ?? 120);
}

function eligibility(service: ServiceEntity, routable: RoutableCase): EligibilityBasis[] {
  const basis: EligibilityBasis[] = [];
  const accepted = routable.residence.filter((b) => service.acceptsResidence.includes(b));
  if (accepted.length > 0 && accepted.length === routable.residence.length) basis.push(EligibilityBasis.RESIDENCE);
  if (routable.gpBorough && service.acceptsGpRegistration.includes(routable.gpBorough)) basis.push(EligibilityBasis.GP_REGISTRATION);
  if (basis.length === 0 && accepted.length > 0) basis.push(EligibilityBasis.RESIDENCE_TO_CONFIRM);
  return basis;
}

function compareOptions(a: RankedService, b: RankedService): number {
  const confirm = (o: RankedService) => (o.basis.includes(EligibilityBasis.RESIDENCE_TO_CONFIRM) ? 1 : 0);
  return (
    b.meets.length - a.meets.length ||
    capacityRank(a.service.capacity, a.service.waitlistBand) - capacityRank(b.service.capacity, b.service.waitlistBand) ||
    confirm(a) - confirm(b) ||
    (DISTANCE_RANK[a.distance ?? ''] ?? 3) - (DISTANCE_RANK[b.distance ?? ''] ?? 3) ||
    a.service.name.localeCompare(b.service.name)
  );
}

function unmetNeeds(needs: NeedCategory[], options: RankedService[], refused: RefusedService[]): RoutingResult['unmet'] {
  return needs
    .filter((need) => !options.some((o) => o.meets.includes(need)))
    .map((need) => {
      const offering = refused.filter((r) => r.service.needs.includes(need));
      if (offering.length === 0) return { need, reason: UnmetNeedReason.NO_SERVICE_EXISTS };
      // NO_CAPACITY is only reached by a service that was eligible: someone could take it, but is full.
      const full = offering.some((r) => r.reason === RouteRefusal.NO_CAPACITY);
      return { need, reason: full ? UnmetNeedReason.NO_CAPACITY : UnmetNeedReason.NONE_ELIGIBLE };
    });
}
