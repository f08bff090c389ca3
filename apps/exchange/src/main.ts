import 'reflect-metadata';
import { runStandaloneSubgraph } from '@hub/platform';
import { ExchangeAppModule } from './exchange-app.module';

runStandaloneSubgraph('exchange', (runtime) => ExchangeAppModule.forRoot(runtime)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
