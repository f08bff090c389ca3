import type { DataSource } from 'typeorm';
import { type DatabaseConnector, openSubgraphDataSource } from '@hub/platform';
import { SUBGRAPHS } from './subgraphs';

/** Opens (and so migrates) every subgraph's DataSource, each in its own schema. */
export async function openAllSubgraphs(database: DatabaseConnector): Promise<Record<string, DataSource>> {
  const sources: Record<string, DataSource> = {};
  for (const [name, { owned }] of Object.entries(SUBGRAPHS)) {
    sources[name] = await openSubgraphDataSource(database, owned);
  }
  return sources;
}

export async function closeAll(sources: Record<string, DataSource>): Promise<void> {
  for (const source of Object.values(sources)) await source.destroy();
}
