import { type DynamicModule, Module } from '@nestjs/common';
import { INSIGHTS_ENTITIES, INSIGHTS_MIGRATIONS, InsightsModule } from '@hub/insights';
import {
  HealthModule,
  type HubRuntime,
  HubRuntimeModule,
  identityModule,
  loggingModule,
  SubgraphDatabaseModule,
  type SubgraphSchema,
  subgraphGraphQLModule,
} from '@hub/platform';

/** Insights keeps de-identified figures in its own schema; of the others' it reads only the hub_events views. */
export const INSIGHTS_SCHEMA: SubgraphSchema = {
  schema: 'insights',
  entities: INSIGHTS_ENTITIES,
  migrations: INSIGHTS_MIGRATIONS,
};

@Module({})
export class InsightsAppModule {
  static forRoot(runtime: HubRuntime): DynamicModule {
    return {
      module: InsightsAppModule,
      imports: [
        HubRuntimeModule.forRoot(runtime),
        loggingModule(runtime.environment, 'insights'),
        identityModule(runtime.environment),
        SubgraphDatabaseModule.forRoot(runtime, INSIGHTS_SCHEMA),
        subgraphGraphQLModule(runtime.environment, [InsightsModule]),
        HealthModule.forSubgraph(),
        InsightsModule,
      ],
    };
  }
}
