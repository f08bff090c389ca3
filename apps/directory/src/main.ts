import 'reflect-metadata';
import { runStandaloneSubgraph } from '@hub/platform';
import { DirectoryAppModule } from './directory-app.module';

runStandaloneSubgraph('directory', (runtime) => DirectoryAppModule.forRoot(runtime)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
