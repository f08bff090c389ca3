import { readFileSync } from 'node:fs';
import { normaliseUkPostcode } from '@hub/validation';
import { BOROUGHS, type Borough } from '@hub/vocabulary';
import { DistanceBand, PostcodeStatus } from './postcode-status';

export interface PostcodeFile {
  source: string;
  sectors: Record<string, { boroughs: Borough[]; lat: number; lng: number }>;
  units: Record<string, Borough>;
}

export interface PostcodeAnswer {
  postcode: string;
  status: PostcodeStatus;
  /** Every borough the postcode may be in: one, several (SPLIT), or none (OUTSIDE_AREA). */
  boroughs: Borough[];
}

export const POSTCODE_FILE = 'config/postcodes.thamesmead.json';

/** Postcode to borough from the shipped file: a pinned unit first, then its sector. */
export class PostcodeMap {
  constructor(private readonly file: PostcodeFile) {}

  static read(path = POSTCODE_FILE): PostcodeMap {
    const file = JSON.parse(readFileSync(path, 'utf8')) as PostcodeFile;
    const known = new Set<string>(BOROUGHS);
    for (const [sector, entry] of Object.entries(file.sectors)) {
      if (!entry.boroughs.length || entry.boroughs.some((b) => !known.has(b))) throw new Error(`${path}: sector ${sector} names an unknown borough`);
    }
    return new PostcodeMap(file);
  }

  /** `postcode` must already be a valid UK postcode (the input validators see to that). */
  lookup(postcode: string): PostcodeAnswer {
    const normal = normaliseUkPostcode(postcode) ?? postcode.toUpperCase();
    const pinned = this.file.units[normal];
    if (pinned) return { postcode: normal, status: PostcodeStatus.IN_BOROUGH, boroughs: [pinned] };
    const entry = this.file.sectors[sectorOf(normal)];
    if (!entry) return { postcode: normal, status: PostcodeStatus.OUTSIDE_AREA, boroughs: [] };
    const status = entry.boroughs.length > 1 ? PostcodeStatus.SPLIT : PostcodeStatus.IN_BOROUGH;
    return { postcode: normal, status, boroughs: [...entry.boroughs] };
  }

  /** Band between two postcodes' sector centres; null when either is outside the file. */
  distanceBand(from: string, to: string): DistanceBand | null {
    const a = this.file.sectors[sectorOf(from)];
    const b = this.file.sectors[sectorOf(to)];
    if (!a || !b) return null;
    const miles = haversineMiles(a.lat, a.lng, b.lat, b.lng);
    if (miles < 1) return DistanceBand.UNDER_1_MILE;
    return miles <= 3 ? DistanceBand.ONE_TO_3_MILES : DistanceBand.OVER_3_MILES;
  }
}

/** `SE28 8HD` → `SE28 8`. */
export function sectorOf(postcode: string): string {
  const normal = normaliseUkPostcode(postcode) ?? postcode.toUpperCase();
  return normal.slice(0, normal.indexOf(' ') + 2);
}

function haversineMiles(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.sqrt(h));
}
