import 'reflect-metadata';
import { loadEnvironment } from '@hub/platform';
import { startHub } from '../apps/hub/src/start-hub';

/**
 * The hub under benchmark, in its own process so the load generator never shares its event loop.
 * Prints one JSON line with its URLs (the parent waits for it) and closes on SIGTERM.
 */
async function main(): Promise<void> {
  const environment = loadEnvironment();
  const hub = await startHub(environment);
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    hub.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The parent holds our stdin open; if it dies without killing us, EOF says so.
  process.stdin.on('end', shutdown);
  process.stdin.resume();
  process.stdout.write(
    `${JSON.stringify({ gateway: hub.url, subgraphs: hub.subgraphUrls, database: hub.database.kind })}\n`,
  );
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
