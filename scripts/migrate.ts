import 'reflect-metadata';
import { loadEnvironment, openDatabase } from '@hub/platform';
import { closeAll, openAllSubgraphs } from '../apps/hub/src/migrate-all';

/** `npm run migrate`: applies every subgraph's pending migrations (the apps also do this at start). */
async function main(): Promise<void> {
  const environment = loadEnvironment();
  const database = await openDatabase(environment);
  try {
    const sources = await openAllSubgraphs(database);
    for (const [name, source] of Object.entries(sources)) {
      const [{ count }] = await source.query(`SELECT count(*)::int AS count FROM "${name}".migrations`);
      process.stdout.write(`${name}: ${count} migration(s) applied\n`);
    }
    await closeAll(sources);
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
