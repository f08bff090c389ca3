import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { HubRuntime } from '../config/hub-runtime';
import { openSubgraphDataSource, type SubgraphSchema, subgraphDataSourceOptions } from './subgraph-data-source';

/** The subgraph's own DataSource, migrated at start (never `synchronize`). */
@Module({})
export class SubgraphDatabaseModule {
  static forRoot(runtime: HubRuntime, owned: SubgraphSchema): DynamicModule {
    return {
      module: SubgraphDatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => subgraphDataSourceOptions(runtime.database, owned),
          dataSourceFactory: async () => openSubgraphDataSource(runtime.database, owned),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
