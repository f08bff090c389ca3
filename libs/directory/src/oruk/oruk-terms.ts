import { v5 as uuidv5 } from 'uuid';
import { Borough } from '@hub/vocabulary';

/**
 * How the hub's facts ride in Open Referral UK. Where ORUK has a field, it is used (ages, fees, schedules,
 * service areas, locations); where only HSDS v3 has one, the HSDS field is added (`eligibility_description`,
 * `phones`, language `name`), which ORUK's schema allows; the rest are `attributes` under these taxonomies.
 */
export const TAXONOMY = {
  need: 'thamesmead-hub:need-category',
  gpRegistration: 'thamesmead-hub:accepts-gp-registration',
  capacity: 'thamesmead-hub:capacity',
  waitlistBand: 'thamesmead-hub:waitlist-band',
  contactPoint: 'thamesmead-hub:contact-point',
} as const;

/** Organisation identifiers with this scheme carry the hub's organisation slug. */
export const HUB_IDENTIFIER_SCHEME = 'thamesmead-hub';

/** ONS GSS codes of the boroughs: ORUK service areas name them this way. */
export const GSS_CODES: Record<Borough, string> = {
  GREENWICH: 'E09000011',
  BEXLEY: 'E09000004',
  LEWISHAM: 'E09000023',
};

export const BOROUGH_NAMES: Record<Borough, string> = {
  GREENWICH: 'Royal Borough of Greenwich',
  BEXLEY: 'London Borough of Bexley',
  LEWISHAM: 'London Borough of Lewisham',
};

const GSS_URI = 'http://statistics.data.gov.uk/id/statistical-geography/';
export const gssUri = (borough: Borough) => `${GSS_URI}${GSS_CODES[borough]}`;

/** The borough an ORUK service area names, by GSS code (in extent or uri) or by name. */
export function boroughOfArea(area: { extent?: string; uri?: string; name?: string }): Borough | undefined {
  const text = `${area.extent ?? ''} ${area.uri ?? ''}`;
  const byCode = (Object.entries(GSS_CODES) as [Borough, string][]).find(([, code]) => text.includes(code));
  if (byCode) return byCode[0];
  const name = (area.name ?? '').toLowerCase();
  return (Object.values(Borough) as Borough[]).find((b) => name.includes(b.toLowerCase()));
}

/** Stable ids for the sub-records an export makes, so exporting twice gives the same file. */
const ORUK_NAMESPACE = '6f0c1a52-0c55-4a3b-9d0e-2b9c9e5d7a41';
export const orukId = (...parts: (string | number)[]) => uuidv5(parts.join('/'), ORUK_NAMESPACE);
export const organisationUuid = (slug: string) => orukId('organisation', slug);
