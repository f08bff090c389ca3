import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DirectoryService, seedOrukDetails, ServiceEntity } from '@hub/directory';
import { OrganisationEntity, OrganisationService } from '@hub/organisations';
import type { Landscape } from '@hub/platform';

/** Puts the landscape's organisations into the exchange and their services into the directory. */
export async function seedLandscape(
  organisations: OrganisationService,
  directory: DirectoryService,
  landscape: Landscape,
): Promise<void> {
  await organisations.seed(landscape.organisations);
  await directory.seed(landscape.services);
  await seedOrukDetails(directory, landscape);
}

/** Seeding inside the running hub: the apps' own services. */
export function seedRunningHub(apps: Record<string, INestApplication>, landscape: Landscape): Promise<void> {
  return seedLandscape(apps.exchange.get(OrganisationService), apps.directory.get(DirectoryService), landscape);
}

/** Seeding from a script: the same services over plain DataSources. */
export function seedDataSources(sources: Record<string, DataSource>, landscape: Landscape): Promise<void> {
  return seedLandscape(
    new OrganisationService(sources.exchange.getRepository(OrganisationEntity)),
    new DirectoryService(sources.directory.getRepository(ServiceEntity)),
    landscape,
  );
}

export async function isFirstStart(apps: Record<string, INestApplication>): Promise<boolean> {
  return apps.exchange.get(OrganisationService).isEmpty();
}
