import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { INSIGHTS_DB_ROLE } from '@hub/platform';

/**
 * The only way insights touches the database: a transaction that first drops to the `hub_insights` role,
 * which may read the two `hub_events` views and its own schema and nothing else. The role ends with the
 * transaction (`SET LOCAL`), committed or not.
 *
 * Embedded rule: inside `fn`, await only queries on the manager given, one after another.
 */
@Injectable()
export class InsightsDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE ${INSIGHTS_DB_ROLE}`);
      return fn(manager);
    });
  }
}
