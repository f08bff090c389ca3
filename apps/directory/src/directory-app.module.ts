import { type DynamicModule, Module } from '@nestjs/common';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS, DirectoryModule, OrukModule, ReferralReference } from '@hub/directory';
import {
  HealthModule,
  type HubRuntime,
  identityModule,
  loggingModule,
  readLandscape,
  SubgraphDatabaseModule,
  type SubgraphSchema,
  subgraphGraphQLModule,
} from '@hub/platform';

/** The directory owns services, eligibility, capacity and routing; it extends Organisation and Referral; `/oruk/services` exports it. */
export const DIRECTORY_SCHEMA: SubgraphSchema = {
  schema: 'directory',
  entities: DIRECTORY_ENTITIES,
  migrations: DIRECTORY_MIGRATIONS,
};

@Module({})
export class DirectoryAppModule {
  static forRoot(runtime: HubRuntime): DynamicModule {
    return {
      module: DirectoryAppModule,
      imports: [
        loggingModule(runtime.environment, 'directory'),
        identityModule(runtime.environment),
        SubgraphDatabaseModule.forRoot(runtime, DIRECTORY_SCHEMA),
        subgraphGraphQLModule(runtime.environment, [DirectoryModule], [ReferralReference]),
        HealthModule.forSubgraph(),
        DirectoryModule,
        OrukModule.forRoot(() => readLandscape(runtime.environment.LANDSCAPE_CONFIG)),
      ],
    };
  }
}
