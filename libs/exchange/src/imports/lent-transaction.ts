import type { DataSource, EntityManager } from 'typeorm';

type Work = (manager: EntityManager) => Promise<unknown>;

/**
 * The DataSource as the exchange's services see it, but with `transaction` running their work in the
 * transaction already open on `manager`. Each service opens its own transaction; an import needs a case,
 * its consent and their audit rows to commit or roll back as one, and on the embedded database a second
 * transaction would wait for the only session, which the first one holds.
 */
export function lendTransaction(dataSource: DataSource, manager: EntityManager): DataSource {
  const transaction = (...args: unknown[]) => (args[args.length - 1] as Work)(manager);
  return Object.create(dataSource, {
    manager: { value: manager },
    transaction: { value: transaction },
  }) as DataSource;
}
