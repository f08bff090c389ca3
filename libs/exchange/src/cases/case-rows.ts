import type { DataSource } from 'typeorm';
import { CaseEntity } from './case.entity';

/**
 * The case columns as a select list with the entity's property names, so a row can travel inside
 * the policy query's JSON and come back as a CaseEntity. Built once from TypeORM's metadata.
 */
export function caseRowColumns(dataSource: DataSource): string {
  return dataSource
    .getMetadata(CaseEntity)
    .columns.map((column) => `${column.databaseName}${column.type === 'date' ? '::text' : ''} AS "${column.propertyName}"`)
    .join(', ');
}

export function reviveCaseRow(row: Record<string, unknown>): CaseEntity {
  return Object.assign(new CaseEntity(), row, { createdAt: new Date(row.createdAt as string) });
}
