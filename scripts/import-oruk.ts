import 'reflect-metadata';
import { DirectoryService, importOrukFile, ServiceEntity } from '@hub/directory';
import { loadEnvironment, openDatabase, readLandscape } from '@hub/platform';
import { closeAll, openAllSubgraphs } from '../apps/hub/src/migrate-all';

/**
 * `npm run import:oruk -- <file> [--org <slug>]`: validates an Open Referral UK file against the ORUK schema
 * and the hub's rules, imports the services that pass (one transaction), and reports each rejected one and why.
 * With --org, only that organisation's services are accepted. Exit 1 when anything was rejected.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const orgAt = args.indexOf('--org');
  const organisation = orgAt >= 0 ? args[orgAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && (orgAt < 0 || i !== orgAt + 1));
  if (!file || (orgAt >= 0 && !organisation)) {
    console.error('usage: npm run import:oruk -- <file.json> [--org <slug>]');
    return 2;
  }
  const environment = loadEnvironment();
  const database = await openDatabase(environment);
  const sources = await openAllSubgraphs(database);
  try {
    const directory = new DirectoryService(sources.directory.getRepository(ServiceEntity));
    const result = await importOrukFile(directory, file, readLandscape(environment.LANDSCAPE_CONFIG), organisation);
    process.stdout.write(`Imported ${result.imported} service(s) from ${file}; rejected ${result.rejected.length}.\n`);
    for (const r of result.rejected) {
      process.stdout.write(`  rejected ${r.index >= 0 ? `#${r.index} ` : ''}${r.name ?? '(no name)'} ${r.id ?? ''}\n${r.reasons.map((x) => `    - ${x}\n`).join('')}`);
    }
    return result.rejected.length ? 1 : 0;
  } finally {
    await closeAll(sources);
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`import:oruk: ${error.message}`);
    process.exit(1);
  },
);
