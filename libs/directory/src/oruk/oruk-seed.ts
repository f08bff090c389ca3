import { existsSync, readFileSync } from 'node:fs';
import type { Landscape } from '@hub/platform';
import type { DirectoryService } from '../directory.service';
import { PostcodeMap } from '../postcodes/postcode-map';
import { readOrukServices } from './oruk-import';
import type { OrukImportResult } from './oruk-importer';

/** The seeded services' full entries (contact, opening times, locations...), shipped in ORUK form. */
export const THAMESMEAD_ORUK_FILE = 'config/oruk.thamesmead.json';

/** Reads an ORUK file and imports it for the landscape's organisations; throws when the file is not ORUK at all. */
export async function importOrukFile(directory: DirectoryService, path: string, landscape: Landscape, onlyOrganisation?: string): Promise<OrukImportResult> {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
  const reading = readOrukServices(document, new Set(landscape.organisations.map((o) => o.slug)));
  return directory.importOruk(reading, PostcodeMap.read(), onlyOrganisation);
}

/** Seeding adds the shipped ORUK details over the landscape's bare services (same ids), when the file is there. */
export async function seedOrukDetails(directory: DirectoryService, landscape: Landscape): Promise<void> {
  if (!existsSync(THAMESMEAD_ORUK_FILE)) return;
  const result = await importOrukFile(directory, THAMESMEAD_ORUK_FILE, landscape);
  if (result.rejected.length) throw new Error(`${THAMESMEAD_ORUK_FILE}: ${JSON.stringify(result.rejected)}`);
}
