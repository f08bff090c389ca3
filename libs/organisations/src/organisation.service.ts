import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { LandscapeOrganisation } from '@hub/platform';
import { OrganisationEntity } from './organisation.entity';

/** The participants of the hub. Public facts only: any authenticated caller may list them. */
@Injectable()
export class OrganisationService {
  constructor(@InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>) {}

  list(): Promise<OrganisationEntity[]> {
    return this.organisations.find({ order: { name: 'ASC' } });
  }

  async byIds(ids: readonly string[]): Promise<Map<string, OrganisationEntity>> {
    const found = await this.organisations.findBy({ id: In([...ids]) });
    return new Map(found.map((o) => [o.id, o]));
  }

  async byId(id: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOneBy({ id });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.organisations.count()) === 0;
  }

  /** Inserts or refreshes the landscape's organisations; never removes one. */
  async seed(landscape: readonly LandscapeOrganisation[]): Promise<number> {
    await this.organisations.upsert(
      landscape.map((o) => ({ id: o.slug, name: o.name, kind: o.kind, borough: o.borough, description: o.description })),
      ['id'],
    );
    return landscape.length;
  }
}
