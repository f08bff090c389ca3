import type { DynamicModule } from '@nestjs/common';
import type { HubRuntime, SubgraphSchema } from '@hub/platform';
import { DIRECTORY_SCHEMA, DirectoryAppModule } from '../../directory/src/directory-app.module';
import { EXCHANGE_SCHEMA, ExchangeAppModule } from '../../exchange/src/exchange-app.module';
import { INSIGHTS_SCHEMA, InsightsAppModule } from '../../insights/src/insights-app.module';

export interface Subgraph {
  root(runtime: HubRuntime): DynamicModule;
  owned: SubgraphSchema;
}

/** Every subgraph of the hub, by the name it has in the supergraph. Add a subgraph here. */
export const SUBGRAPHS: Record<string, Subgraph> = {
  exchange: { root: (runtime) => ExchangeAppModule.forRoot(runtime), owned: EXCHANGE_SCHEMA },
  directory: { root: (runtime) => DirectoryAppModule.forRoot(runtime), owned: DIRECTORY_SCHEMA },
  insights: { root: (runtime) => InsightsAppModule.forRoot(runtime), owned: INSIGHTS_SCHEMA },
};
