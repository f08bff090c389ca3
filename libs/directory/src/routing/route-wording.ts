import type { Borough } from '@hub/vocabulary';
import { CapacityStatus } from '../capacity-status';
import type { ServiceEntity } from '../service.entity';
import { type RankedService, type RefusedService, type RoutableCase } from './rank-services';
import { EligibilityBasis, RouteRefusal } from './route-reasons';

const BAND_WORDS = { UNDER_1_MONTH: 'under 1 month', ONE_TO_3_MONTHS: '1–3 months', OVER_3_MONTHS: 'over 3 months' };
const DISTANCE_WORDS = { UNDER_1_MILE: 'under 1 mile', ONE_TO_3_MILES: '1–3 miles', OVER_3_MILES: 'over 3 miles' };

const list = (items: readonly string[]) => (items.length ? items.join(', ') : 'none');
const day = (at: Date) => at.toISOString().slice(0, 10);

/** Why an option fits, in words a link worker can read to the resident. */
export function whyOption(option: RankedService, routable: RoutableCase): string[] {
  const { service } = option;
  const missing = routable.needs.filter((n) => !option.meets.includes(n));
  const why = [`meets ${list(option.meets)}${missing.length ? `; not ${list(missing)}` : ''}`];
  for (const basis of option.basis) why.push(basisWords(basis, service, routable));
  why.push(capacityWords(service));
  if (option.distance) why.push(`nearest location ${DISTANCE_WORDS[option.distance]}`);
  return why;
}

export function whyRefused(refused: RefusedService, routable: RoutableCase): string {
  const { service } = refused;
  switch (refused.reason) {
    case RouteRefusal.NEED_NOT_MET:
      return `meets none of ${list(routable.needs)}`;
    case RouteRefusal.AGE_NOT_ELIGIBLE:
      return `takes ages ${service.minimumAge ?? 0}–${service.maximumAge ?? 120}`;
    case RouteRefusal.NOT_ELIGIBLE:
      return `accepts residents of ${list(service.acceptsResidence)} and patients of GP practices in ${list(service.acceptsGpRegistration)}; ` +
        `this case: residence ${list(routable.residence)}, GP practice in ${routable.gpBorough ?? 'not given'}`;
    case RouteRefusal.NO_CAPACITY:
      return capacityWords(service);
  }
}

function basisWords(basis: EligibilityBasis, service: ServiceEntity, routable: RoutableCase): string {
  if (basis === EligibilityBasis.RESIDENCE) return `accepts residents of ${list(routable.residence)}`;
  if (basis === EligibilityBasis.GP_REGISTRATION) return `accepts patients of GP practices in ${routable.gpBorough as Borough}`;
  const accepted = routable.residence.filter((b) => service.acceptsResidence.includes(b));
  return `accepts residents of ${list(accepted)} only; the postcode is split between ${list(routable.residence)}: confirm the address`;
}

function capacityWords(service: ServiceEntity): string {
  const stated = `(stated ${day(service.capacityUpdatedAt)})`;
  if (service.capacity === CapacityStatus.OPEN) return `open to new cases ${stated}`;
  if (service.capacity === CapacityStatus.CLOSED) return `closed to new cases ${stated}`;
  return `waiting list of ${BAND_WORDS[service.waitlistBand ?? 'OVER_3_MONTHS']} ${stated}`;
}
