import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EmbeddedDatabase } from './embedded-database';
import { subgraphDataSourceOptions } from './subgraph-data-source';

const owned = (schema: string) => ({ schema, entities: [], migrations: [] });

describe('EmbeddedDatabase', () => {
  it('keeps its data in the data directory across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'embedded-'));
    try {
      const first = await EmbeddedDatabase.open(dataDir);
      const writer = await new DataSource(subgraphDataSourceOptions(first, owned('kept'))).initialize();
      await writer.query('CREATE TABLE kept_note (body text)');
      await writer.query("INSERT INTO kept_note VALUES ('still here')");
      await writer.destroy();
      await first.close();

      const second = await EmbeddedDatabase.open(dataDir);
      const reader = await new DataSource(subgraphDataSourceOptions(second, owned('kept'))).initialize();
      expect(await reader.query('SELECT body FROM kept_note')).toEqual([{ body: 'still here' }]);
      await reader.destroy();
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('serialises transactions from several DataSources so none loses an update', async () => {
    const database = await EmbeddedDatabase.open('memory://');
    const sources = await Promise.all(
      ['one', 'two', 'three'].map((name) => new DataSource(subgraphDataSourceOptions(database, owned(name))).initialize()),
    );
    await sources[0].query('CREATE TABLE counter (n int NOT NULL)');
    await sources[0].query('INSERT INTO counter VALUES (0)');
    // Read-modify-write in each transaction: interleaving would lose increments.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sources[i % 3].transaction(async (manager) => {
          const [{ n }] = await manager.query('SELECT n FROM counter');
          await manager.query('UPDATE counter SET n = $1', [n + 1]);
        }),
      ),
    );
    expect(await sources[1].query('SELECT n FROM counter')).toEqual([{ n: 30 }]);
    for (const source of sources) await source.destroy();
    await database.close();
  });

  it('rolls a failed transaction back without touching other sessions', async () => {
    const database = await EmbeddedDatabase.open('memory://');
    const source = await new DataSource(subgraphDataSourceOptions(database, owned('rollback'))).initialize();
    await source.query('CREATE TABLE note (body text)');
    await expect(
      source.transaction(async (manager) => {
        await manager.query("INSERT INTO note VALUES ('half')");
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await source.query('SELECT count(*)::int AS n FROM note')).toEqual([{ n: 0 }]);
    await source.destroy();
    await database.close();
  });
});
