import { normaliseUkPostcode, isFreeText } from '@hub/validation';
import { type Borough, NEED_CATEGORIES, type NeedCategory, BOROUGHS } from '@hub/vocabulary';
import { CapacityStatus, WaitlistBand } from '../capacity-status';
import { type ContactPoint, ContactPointKind, type OpeningTime, type Weekday } from '../service-details';
import type { ServiceEntity } from '../service.entity';
import { boroughOfArea, HUB_IDENTIFIER_SCHEME, TAXONOMY } from './oruk-terms';
import { orukValidator, schemaErrors } from './oruk-schema';

/** A service entry read from ORUK, before the directory places its locations. */
export type ImportedService = Omit<ServiceEntity, 'updatedAt' | 'updatedBy'>;

export interface RejectedService {
  index: number;
  id?: string;
  name?: string;
  reasons: string[];
}

export interface OrukReading {
  accepted: ImportedService[];
  rejected: RejectedService[];
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The services of an ORUK document: a page (`contents`), a list, or one service. */
export function servicesOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (document && typeof document === 'object') {
    const contents = (document as Json).contents;
    if (Array.isArray(contents)) return contents;
    if ('id' in document && 'name' in document) return [document];
  }
  throw new Error('Not an Open Referral UK document: expected a page with `contents`, a list of services, or one service');
}

/** Checks each service against the ORUK schema, then against what the hub needs; never throws for one bad service. */
export function readOrukServices(document: unknown, knownOrganisations: ReadonlySet<string>): OrukReading {
  const reading: OrukReading = { accepted: [], rejected: [] };
  const seen = new Set<string>();
  servicesOf(document).forEach((raw, index) => {
    const validate = orukValidator('service');
    const service = raw as Json;
    const reasons = validate(raw) ? hubReasons(service, knownOrganisations) : schemaErrors(validate);
    if (!reasons.length && seen.has(String(service.id).toLowerCase())) reasons.push('the same id appears twice in the file');
    if (reasons.length) {
      reading.rejected.push({ index, id: typeof service?.id === 'string' ? service.id : undefined, name: typeof service?.name === 'string' ? service.name : undefined, reasons });
      return;
    }
    seen.add(String(service.id).toLowerCase());
    reading.accepted.push(toEntry(service));
  });
  return reading;
}

const termsOf = (service: Json, taxonomy: string): Json[] =>
  (service.attributes ?? []).map((a: Json) => a.taxonomy_term).filter((t: Json | undefined) => t?.taxonomy === taxonomy);

function hubReasons(service: Json, known: ReadonlySet<string>): string[] {
  const reasons: string[] = [];
  const slug = organisationSlug(service);
  if (!slug) reasons.push(`organization has no identifier with scheme "${HUB_IDENTIFIER_SCHEME}" naming a hub organisation`);
  else if (!known.has(slug)) reasons.push(`organisation "${slug}" is not a participant of the hub`);
  if (!isFreeText(service.name, 200)) reasons.push('name must be 1 to 200 characters without control characters');
  if (service.status !== 'active') reasons.push(`status "${service.status}": only active services are listed`);
  const needs = termsOf(service, TAXONOMY.need).map((t) => t.term);
  if (needs.length === 0) reasons.push(`no attribute under ${TAXONOMY.need}: the directory routes by need`);
  const unknownNeeds = needs.filter((n) => !NEED_CATEGORIES.includes(n));
  if (unknownNeeds.length) reasons.push(`unknown need categories: ${unknownNeeds.join(', ')}`);
  for (const age of [service.minimum_age, service.maximum_age]) {
    if (age !== undefined && !(Number.isInteger(age) && age >= 0 && age <= 120)) reasons.push('ages must be whole numbers from 0 to 120');
  }
  if (service.minimum_age > service.maximum_age) reasons.push('minimum_age is above maximum_age');
  const areas = (service.service_areas ?? []) as Json[];
  if (areas.some((a) => !boroughOfArea(a))) reasons.push('a service area names no borough the hub knows (GSS code or name)');
  const gp = termsOf(service, TAXONOMY.gpRegistration).map((t) => t.term);
  if (gp.some((b) => !BOROUGHS.includes(b))) reasons.push(`unknown borough under ${TAXONOMY.gpRegistration}`);
  const [capacity] = termsOf(service, TAXONOMY.capacity).map((t) => t.term);
  const [band] = termsOf(service, TAXONOMY.waitlistBand).map((t) => t.term);
  if (capacity !== undefined && !Object.values(CapacityStatus).includes(capacity)) reasons.push(`unknown capacity "${capacity}"`);
  if (band !== undefined && !Object.values(WaitlistBand).includes(band)) reasons.push(`unknown waitlist band "${band}"`);
  if ((capacity === CapacityStatus.WAITLIST) !== (band !== undefined)) reasons.push('a waitlist band goes with WAITLIST capacity, and only with it');
  for (const address of locationsOf(service)) {
    if (!normaliseUkPostcode(address.postal_code)) reasons.push(`postal_code "${address.postal_code}" is not a UK postcode`);
  }
  return reasons;
}

function organisationSlug(service: Json): string | undefined {
  const identifiers = (service.organization?.organization_identifiers ?? []) as Json[];
  return identifiers.find((i) => i.identifier_scheme === HUB_IDENTIFIER_SCHEME)?.identifier;
}

function locationsOf(service: Json): Json[] {
  return ((service.service_at_locations ?? []) as Json[]).map((s) => ({ name: s.location?.name, ...(s.location?.addresses?.[0] ?? {}) }));
}

function toEntry(service: Json): ImportedService {
  const capacityTerm = termsOf(service, TAXONOMY.capacity)[0];
  const capacity = (capacityTerm?.term as CapacityStatus | undefined) ?? CapacityStatus.OPEN;
  const stated = /Stated (\S+)/.exec(capacityTerm?.description ?? '')?.[1];
  const contactPoints: ContactPoint[] = [
    ...((service.phones ?? []) as Json[]).map((p) => ({ kind: ContactPointKind.PHONE, value: String(p.number) })),
    ...(service.email ? [{ kind: ContactPointKind.EMAIL, value: String(service.email) }] : []),
    ...(service.url ? [{ kind: ContactPointKind.WEBSITE, value: String(service.url) }] : []),
    ...termsOf(service, TAXONOMY.contactPoint).map((t) => ({ kind: t.term as ContactPointKind, value: String(t.name) })),
  ];
  const openingTimes: OpeningTime[] = ((service.schedules ?? []) as Json[])
    .filter((s) => s.opens_at && s.closes_at)
    .map((s) => ({ days: String(s.byday ?? '').split(',').filter(Boolean) as Weekday[], opensAt: String(s.opens_at).slice(0, 5), closesAt: String(s.closes_at).slice(0, 5), note: s.description ?? null }));
  return {
    id: String(service.id).toLowerCase(),
    organisationId: organisationSlug(service) as string,
    name: String(service.name).trim(),
    description: service.description ?? null,
    needs: [...new Set(termsOf(service, TAXONOMY.need).map((t) => t.term as NeedCategory))],
    acceptsResidence: [...new Set(((service.service_areas ?? []) as Json[]).map((a) => boroughOfArea(a) as Borough))],
    acceptsGpRegistration: [...new Set(termsOf(service, TAXONOMY.gpRegistration).map((t) => t.term as Borough))],
    minimumAge: service.minimum_age ?? null,
    maximumAge: service.maximum_age ?? null,
    eligibilityNote: service.eligibility_description ?? null,
    capacity,
    waitlistBand: (termsOf(service, TAXONOMY.waitlistBand)[0]?.term as WaitlistBand | undefined) ?? null,
    capacityUpdatedAt: stated && !Number.isNaN(Date.parse(stated)) ? new Date(stated) : new Date(),
    contactPoints,
    openingTimes,
    languages: ((service.languages ?? []) as Json[]).map((l) => l.name).filter((n): n is string => typeof n === 'string'),
    cost: service.fees ?? null,
    locations: locationsOf(service).map((l) => ({ name: l.name ?? l.address_1, addressLine1: l.address_1, town: l.city, postcode: normaliseUkPostcode(l.postal_code) as string, borough: null })),
  };
}
