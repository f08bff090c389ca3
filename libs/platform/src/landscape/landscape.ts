import { readFileSync } from 'node:fs';
import type { Borough, NeedCategory, OrganisationKind } from '@hub/vocabulary';

export interface LandscapeOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  borough: Borough;
  description: string;
}

export interface LandscapeService {
  organisation: string;
  name: string;
  needs: NeedCategory[];
  acceptsResidence: Borough[];
  acceptsGpRegistration: Borough[];
  eligibilityNote: string;
}

/** The organisations and services a deployment starts with (config/landscape.*.json). */
export interface Landscape {
  organisations: LandscapeOrganisation[];
  services: LandscapeService[];
}

export function readLandscape(path: string): Landscape {
  const landscape = JSON.parse(readFileSync(path, 'utf8')) as Landscape;
  const slugs = new Set(landscape.organisations.map((o) => o.slug));
  for (const service of landscape.services) {
    if (!slugs.has(service.organisation)) {
      throw new Error(`Landscape ${path}: service "${service.name}" names unknown organisation "${service.organisation}"`);
    }
  }
  return landscape;
}
