import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvironment } from '@hub/platform';
import { composeSupergraph, printSubgraphSdls } from '../apps/hub/src/compose-supergraph';

/** `npm run compose`: writes each subgraph's SDL beside its app and the composed supergraph. */
async function main(): Promise<void> {
  const environment = loadEnvironment(process.env, { LOG_LEVEL: 'silent', NODE_ENV: 'development' });
  const subgraphs = await printSubgraphSdls(environment);
  for (const subgraph of subgraphs) {
    writeFileSync(join('apps', subgraph.name, 'schema.graphql'), subgraph.sdl);
  }
  writeFileSync(environment.SUPERGRAPH_FILE, composeSupergraph(subgraphs));
  process.stdout.write(`composed ${subgraphs.map((s) => s.name).join(', ')} into ${environment.SUPERGRAPH_FILE}\n`);
}

main().catch((error: Error) => {
  console.error(error.message || error);
  process.exit(1);
});
