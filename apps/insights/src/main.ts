import 'reflect-metadata';
import { runStandaloneSubgraph } from '@hub/platform';
import { InsightsAppModule } from './insights-app.module';

runStandaloneSubgraph('insights', (runtime) => InsightsAppModule.forRoot(runtime)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
