import type { EntityManager } from 'typeorm';
import type { PostcodeMap } from '../postcodes/postcode-map';
import { ServiceEntity } from '../service.entity';
import type { OrukReading, RejectedService } from './oruk-import';

export interface OrukImportResult {
  imported: number;
  rejected: RejectedService[];
}

/**
 * Writes the accepted services in the caller's transaction (all or none). An id already owned by another
 * organisation is refused: an import, like an admin, changes only its own organisation's entries.
 */
export async function writeOrukServices(
  manager: EntityManager,
  reading: OrukReading,
  postcodes: PostcodeMap,
  onlyOrganisation?: string,
): Promise<OrukImportResult> {
  const rejected = [...reading.rejected];
  const existing = new Map(
    (await manager.findBy(ServiceEntity, {})).map((s) => [s.id, s.organisationId]),
  );
  const rows: ServiceEntity[] = [];
  reading.accepted.forEach((entry) => {
    const owner = existing.get(entry.id);
    const reasons: string[] = [];
    if (onlyOrganisation && entry.organisationId !== onlyOrganisation) reasons.push(`belongs to ${entry.organisationId}, not ${onlyOrganisation}, the organisation importing`);
    if (owner && owner !== entry.organisationId) reasons.push(`this id is ${owner}'s service; it cannot move to ${entry.organisationId}`);
    if (reasons.length) {
      rejected.push({ index: -1, id: entry.id, name: entry.name, reasons });
      return;
    }
    const locations = entry.locations.map((l) => {
      const { boroughs } = postcodes.lookup(l.postcode);
      return { ...l, borough: boroughs.length === 1 ? boroughs[0] : null };
    });
    rows.push(manager.create(ServiceEntity, { ...entry, locations, updatedBy: 'oruk-import' }));
  });
  // One INSERT … ON CONFLICT per chunk: `save` would look each row up with queries in parallel on the
  // transaction's one connection, which node-postgres only queues (and pg@9 will refuse).
  for (let start = 0; start < rows.length; start += 200) {
    await manager.upsert(ServiceEntity, rows.slice(start, start + 200), { conflictPaths: ['id'] });
  }
  return { imported: rows.length, rejected };
}
