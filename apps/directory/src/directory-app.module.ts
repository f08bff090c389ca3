import { type DynamicModule, Module } from '@nestjs/common';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS, DirectoryModule } from '@hub/directory';
import {
  HealthModule,
  type HubRuntime,
  identityModule,
  loggingModule,
  SubgraphDatabaseModule,
  type SubgraphSchema,
  subgraphGraphQLModule,
} from '@hub/platform';

/** The directory owns services, eligibility and capacity; it extends Organisation with `services`. */
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
        subgraphGraphQLModule(runtime.environment, [DirectoryModule]),
        HealthModule.forSubgraph(),
        DirectoryModule,
      ],
    };
  }
}
