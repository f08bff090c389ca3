import type { DynamicModule } from '@nestjs/common';
import type { HubRuntime } from '../config/hub-runtime';
import { loadEnvironment } from '../config/hub-environment';
import { PostgresConnector } from '../database/database-connector';
import { createHubApp } from './create-app';

/**
 * Runs one subgraph as its own process (production). Several processes cannot share an embedded
 * database, so this mode needs DATABASE_URL; `npm start` runs everything in one process instead.
 */
export async function runStandaloneSubgraph(name: string, root: (runtime: HubRuntime) => DynamicModule): Promise<void> {
  const environment = loadEnvironment();
  if (!environment.DATABASE_URL) {
    throw new Error(`${name} alone needs DATABASE_URL (use \`npm start\` for the all-in-one embedded hub)`);
  }
  const database = new PostgresConnector(environment.DATABASE_URL);
  const app = await createHubApp(root({ environment, database }));
  app.enableShutdownHooks();
  await app.listen(environment.PORT);
}
