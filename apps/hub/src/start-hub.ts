import type { INestApplication } from '@nestjs/common';
import {
  type Clock,
  createHubApp,
  type DatabaseConnector,
  graphqlUrlOf,
  type HubEnvironment,
  openDatabase,
  readLandscape,
} from '@hub/platform';
import { GatewayAppModule } from '../../gateway/src/gateway-app.module';
import { isFirstStart, seedRunningHub } from './seed-landscape';
import { SUBGRAPHS } from './subgraphs';

export interface RunningHub {
  /** The gateway's GraphQL URL: the one endpoint integrators use. */
  url: string;
  subgraphUrls: Record<string, string>;
  apps: Record<string, INestApplication>;
  database: DatabaseConnector;
  close(): Promise<void>;
}

export interface StartHubOptions {
  /** Reuse an open database (tests); by default the environment chooses. */
  database?: DatabaseConnector;
  /** Seed the landscape when the database is new. Default: true. */
  seed?: boolean;
  /** The system clock unless a test sets one. */
  clock?: Clock;
}

/**
 * The whole hub in one process: each subgraph on its own loopback port, the gateway in front.
 * Subgraphs start first and the gateway last; shutdown runs the other way round.
 */
export async function startHub(environment: HubEnvironment, options: StartHubOptions = {}): Promise<RunningHub> {
  const database = options.database ?? (await openDatabase(environment));
  const apps: Record<string, INestApplication> = {};
  const started: INestApplication[] = [];
  try {
    for (const [name, { root }] of Object.entries(SUBGRAPHS)) {
      const app = await createHubApp(root({ environment, database, clock: options.clock }));
      started.push(app);
      await app.listen(0, '127.0.0.1');
      apps[name] = app;
    }
    if (options.seed !== false && (await isFirstStart(apps))) {
      await seedRunningHub(apps, readLandscape(environment.LANDSCAPE_CONFIG));
    }
    const subgraphUrls = Object.fromEntries(Object.entries(apps).map(([name, app]) => [name, graphqlUrlOf(app)]));
    const gateway = await createHubApp(GatewayAppModule.forRoot(environment, subgraphUrls));
    started.push(gateway);
    await gateway.listen(environment.PORT);
    apps.gateway = gateway;
    return {
      url: graphqlUrlOf(gateway).replace('127.0.0.1', 'localhost'),
      subgraphUrls,
      apps,
      database,
      close: () => closeAll(started, options.database ? undefined : database),
    };
  } catch (error) {
    await closeAll(started, options.database ? undefined : database);
    throw error;
  }
}

async function closeAll(started: INestApplication[], database: DatabaseConnector | undefined): Promise<void> {
  for (const app of [...started].reverse()) await app.close();
  await database?.close();
}
