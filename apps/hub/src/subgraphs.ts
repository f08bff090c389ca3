import type { DynamicModule } from '@nestjs/common';
import type { HubRuntime } from '@hub/platform';
import { DirectoryAppModule } from '../../directory/src/directory-app.module';
import { ExchangeAppModule } from '../../exchange/src/exchange-app.module';
import { InsightsAppModule } from '../../insights/src/insights-app.module';

/** Every subgraph of the hub, by the name it has in the supergraph. Add a subgraph here. */
export const SUBGRAPHS: Record<string, (runtime: HubRuntime) => DynamicModule> = {
  exchange: (runtime) => ExchangeAppModule.forRoot(runtime),
  directory: (runtime) => DirectoryAppModule.forRoot(runtime),
  insights: (runtime) => InsightsAppModule.forRoot(runtime),
};
