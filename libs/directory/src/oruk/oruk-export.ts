import type { Borough } from '@hub/vocabulary';
import { ContactPointKind } from '../service-details';
import type { ServiceEntity } from '../service.entity';
import { BOROUGH_NAMES, GSS_CODES, gssUri, HUB_IDENTIFIER_SCHEME, organisationUuid, orukId, TAXONOMY } from './oruk-terms';

export interface OrukOrganisation {
  slug: string;
  name: string;
  description: string;
}

type Json = Record<string, unknown>;

/** One service as an Open Referral UK "service (full)" record. */
export function toOrukService(service: ServiceEntity, organisation: OrukOrganisation): Json {
  const contact = (kind: ContactPointKind) => service.contactPoints.filter((c) => c.kind === kind);
  const attribute = (taxonomy: string, term: string, name = term, description = name) => {
    const termId = orukId(taxonomy, term);
    return {
      id: orukId(service.id, taxonomy, term, name),
      link_id: service.id,
      link_type: 'service',
      taxonomy_term_id: termId,
      taxonomy_term: { id: termId, name, description, taxonomy, term },
    };
  };
  return {
    id: service.id,
    organization_id: organisationUuid(organisation.slug),
    name: service.name,
    description: service.description ?? undefined,
    status: 'active',
    email: contact(ContactPointKind.EMAIL)[0]?.value,
    url: contact(ContactPointKind.WEBSITE)[0]?.value,
    fees: service.cost ?? undefined,
    minimum_age: service.minimumAge ?? undefined,
    maximum_age: service.maximumAge ?? undefined,
    eligibility_description: service.eligibilityNote ?? undefined,
    last_modified: service.updatedAt.toISOString(),
    phones: contact(ContactPointKind.PHONE).map((c, i) => ({ id: orukId(service.id, 'phone', i), number: c.value })),
    schedules: service.openingTimes.map((o, i) => ({
      id: orukId(service.id, 'schedule', i),
      service_id: service.id,
      freq: 'WEEKLY',
      byday: o.days.join(','),
      opens_at: `${o.opensAt}:00`,
      closes_at: `${o.closesAt}:00`,
      description: o.note ?? undefined,
    })),
    service_areas: service.acceptsResidence.map((b: Borough) => ({
      id: orukId(service.id, 'area', b),
      service_id: service.id,
      name: BOROUGH_NAMES[b],
      extent: GSS_CODES[b],
      extent_type: 'text',
      uri: gssUri(b),
      service_area: `Residents of the ${BOROUGH_NAMES[b]}`,
    })),
    service_at_locations: service.locations.map((l, i) => {
      const locationId = orukId(service.id, 'location', i);
      return {
        id: orukId(service.id, 'service-at-location', i),
        service_id: service.id,
        location_id: locationId,
        location: {
          id: locationId,
          location_type: 'physical',
          name: l.name,
          addresses: [{ id: orukId(locationId, 'address'), location_id: locationId, address_1: l.addressLine1, city: l.town, state_province: 'London', postal_code: l.postcode, country: 'GB', address_type: 'physical' }],
        },
      };
    }),
    languages: service.languages.map((name) => ({ id: orukId(service.id, 'language', name), service_id: service.id, name })),
    organization: {
      id: organisationUuid(organisation.slug),
      name: organisation.name,
      description: organisation.description,
      organization_identifiers: [
        { id: orukId('identifier', organisation.slug), identifier_scheme: HUB_IDENTIFIER_SCHEME, identifier_type: 'Hub organisation slug', identifier: organisation.slug },
      ],
    },
    attributes: [
      ...service.needs.map((n) => attribute(TAXONOMY.need, n)),
      ...service.acceptsGpRegistration.map((b) => attribute(TAXONOMY.gpRegistration, b, `Patients of GP practices in the ${BOROUGH_NAMES[b]}`)),
      attribute(TAXONOMY.capacity, service.capacity, service.capacity, `Stated ${service.capacityUpdatedAt.toISOString()}`),
      ...(service.waitlistBand ? [attribute(TAXONOMY.waitlistBand, service.waitlistBand)] : []),
      ...[ContactPointKind.TEXT, ContactPointKind.IN_PERSON].flatMap((kind) => contact(kind).map((c) => attribute(TAXONOMY.contactPoint, kind, c.value))),
    ],
  };
}

/** The ORUK API's page shape (`/services`), with everything on one page. */
export function toOrukPage(contents: Json[]): Json {
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}
