import { type DynamicModule, Module } from '@nestjs/common';
import { INSIGHTS_ENTITIES, INSIGHTS_MIGRATIONS, InsightsModule } from '@hub/insights';
import {
  HealthModule,
  type HubRuntime,
  identityModule,
  loggingModule,
  SubgraphDatabaseModule,
  type SubgraphSchema,
  subgraphGraphQLModule,
} from '@hub/platform';

/** Insights keeps de-identified figures in its own schema and never reads the exchange's. */
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
