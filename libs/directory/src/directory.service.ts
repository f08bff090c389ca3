import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type FindOptionsWhere, ArrayContains, type Repository } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import type { LandscapeService } from '@hub/platform';
import type { Borough, NeedCategory } from '@hub/vocabulary';
import { CapacityStatus } from './capacity-status';
import type { OrukReading } from './oruk/oruk-import';
import { type OrukImportResult, writeOrukServices } from './oruk/oruk-importer';
import type { PostcodeMap } from './postcodes/postcode-map';
import { ServiceEntity } from './service.entity';

/** Namespace for deterministic ids of seeded services, so re-seeding never duplicates one. */
export const SEEDED_SERVICE_NAMESPACE = '0d7e3c5e-52f1-4a46-9d51-6c1f3a8f3b10';

export const seededServiceId = (organisation: string, name: string) => uuidv5(`${organisation}/${name}`, SEEDED_SERVICE_NAMESPACE);

@Injectable()
export class DirectoryService {
  constructor(@InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>) {}

  list(filter: { need?: NeedCategory; borough?: Borough }): Promise<ServiceEntity[]> {
    const where: FindOptionsWhere<ServiceEntity> = {};
    if (filter.need) where.needs = ArrayContains([filter.need]);
    if (filter.borough) where.acceptsResidence = ArrayContains([filter.borough]);
    return this.services.find({ where, order: { name: 'ASC' } });
  }

  forOrganisation(organisationId: string): Promise<ServiceEntity[]> {
    return this.services.find({ where: { organisationId }, order: { name: 'ASC' } });
  }

  byId(id: string): Promise<ServiceEntity | null> {
    return this.services.findOneBy({ id });
  }

  /** Imports what an ORUK reading accepted, in one transaction (see `npm run import:oruk`). */
  importOruk(reading: OrukReading, postcodes: PostcodeMap, onlyOrganisation?: string): Promise<OrukImportResult> {
    return this.services.manager.transaction((manager) => writeOrukServices(manager, reading, postcodes, onlyOrganisation));
  }

  async seed(landscape: readonly LandscapeService[]): Promise<number> {
    await this.services.upsert(
      landscape.map((s) => ({
        id: seededServiceId(s.organisation, s.name),
        organisationId: s.organisation,
        name: s.name,
        needs: s.needs,
        acceptsResidence: s.acceptsResidence,
        acceptsGpRegistration: s.acceptsGpRegistration,
        eligibilityNote: s.eligibilityNote,
        capacity: CapacityStatus.OPEN,
        waitlistBand: null,
      })),
      ['id'],
    );
    return landscape.length;
  }
}
