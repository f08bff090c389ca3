import { DataSource, type MixedList } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import type { DatabaseConnector } from './database-connector';

/** What a subgraph owns in the database: one schema, its entities, its migrations. */
export interface SubgraphSchema {
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

export function subgraphDataSourceOptions(
  connector: DatabaseConnector,
  owned: SubgraphSchema,
): PostgresConnectionOptions {
  return {
    type: 'postgres',
    ...connector.connectionOptions(),
    schema: owned.schema,
    entities: owned.entities,
    migrations: owned.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    applicationName: `thamesmead-hub:${owned.schema}`,
  } as PostgresConnectionOptions;
}

/** Creates the schema if new, then applies pending migrations in one transaction. */
export async function migrateSubgraph(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'all' });
  return applied.map((m) => m.name);
}

export async function openSubgraphDataSource(
  connector: DatabaseConnector,
  owned: SubgraphSchema,
): Promise<DataSource> {
  const dataSource = await new DataSource(subgraphDataSourceOptions(connector, owned)).initialize();
  await migrateSubgraph(dataSource, owned.schema);
  return dataSource;
}
