import 'reflect-metadata';
import { loadEnvironment } from '@hub/platform';
import { startHub } from './start-hub';

/** `npm start`: the whole hub in one process on the embedded database, seeded with Thamesmead. */
async function main(): Promise<void> {
  const environment = loadEnvironment();
  const hub = await startHub(environment);
  const where = hub.database.kind === 'embedded' ? `embedded PostgreSQL under ${environment.HUB_DATA_DIR}` : 'PostgreSQL';
  process.stdout.write(
    [
      '',
      `Thamesmead referral-exchange hub is running on ${where}`,
      `  GraphQL:  ${hub.url}`,
      `  ORUK:     ${hub.url.replace(/\/graphql$/, '/oruk/services')}`,
      `  Token:    npm run token -- --org pst --role LINK_WORKER`,
      `  Try:      curl -s ${hub.url} -H "authorization: Bearer $(npm run -s token -- --org pst --role LINK_WORKER)" \\`,
      `              -H 'content-type: application/json' -d '{"query":"{ me { orgId role organisation { name } } }"}'`,
      '',
    ].join('\n') + '\n',
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal}: closing the hub\n`);
    hub.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
