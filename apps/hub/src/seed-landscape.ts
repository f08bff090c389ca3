import type { INestApplication } from '@nestjs/common';
import { DirectoryService } from '@hub/directory';
import { OrganisationService } from '@hub/organisations';
import type { Landscape } from '@hub/platform';

/** Puts the landscape's organisations into the exchange and their services into the directory. */
export async function seedLandscape(apps: Record<string, INestApplication>, landscape: Landscape): Promise<void> {
  await apps.exchange.get(OrganisationService).seed(landscape.organisations);
  await apps.directory.get(DirectoryService).seed(landscape.services);
}

export async function isFirstStart(apps: Record<string, INestApplication>): Promise<boolean> {
  return apps.exchange.get(OrganisationService).isEmpty();
}
