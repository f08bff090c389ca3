import 'reflect-metadata';
import { loadEnvironment, openDatabase, readLandscape } from '@hub/platform';
import { closeAll, openAllSubgraphs } from '../apps/hub/src/migrate-all';
import { seedDataSources } from '../apps/hub/src/seed-landscape';

/** `npm run seed`: inserts or refreshes the landscape (LANDSCAPE_CONFIG); safe to run again. */
async function main(): Promise<void> {
  const environment = loadEnvironment();
  const landscape = readLandscape(environment.LANDSCAPE_CONFIG);
  const database = await openDatabase(environment);
  try {
    const sources = await openAllSubgraphs(database);
    await seedDataSources(sources, landscape);
    await closeAll(sources);
    process.stdout.write(
      `seeded ${landscape.organisations.length} organisations and ${landscape.services.length} services from ${environment.LANDSCAPE_CONFIG}\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
