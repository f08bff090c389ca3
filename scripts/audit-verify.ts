import 'reflect-metadata';
import { verifyAuditChain } from '@hub/audit';
import { loadEnvironment, openDatabase, openSubgraphDataSource } from '@hub/platform';
import { EXCHANGE_SCHEMA } from '../apps/exchange/src/exchange-app.module';

/** `npm run audit:verify`: recomputes the exchange's audit chain; exits 1 at the first broken link. */
async function main(): Promise<number> {
  const environment = loadEnvironment();
  const database = await openDatabase(environment);
  try {
    const exchange = await openSubgraphDataSource(database, EXCHANGE_SCHEMA);
    try {
      const report = await verifyAuditChain(exchange);
      if (report.ok) {
        process.stdout.write(`audit chain intact: ${report.rows} rows\n`);
        return 0;
      }
      const { seq, id, reason } = report.brokenAt;
      process.stdout.write(`audit chain broken at seq ${seq} (id ${id}): ${reason}\n`);
      return 1;
    } finally {
      await exchange.destroy();
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  },
);
