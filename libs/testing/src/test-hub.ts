import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@hub/vocabulary';
import { mintDevelopmentToken, readTrustConfig } from '@hub/identity';
import { type HubEnvironment, loadEnvironment, SettableClock } from '@hub/platform';
import { type RunningHub, startHub } from '../../../apps/hub/src/start-hub';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestHub {
  hub: RunningHub;
  environment: HubEnvironment;
  /** The hub's clock: starts at the real time; tests move it. */
  clock: SettableClock;
  token(org: string, role: Role, options?: { user?: string; ttlSeconds?: number; scopes?: string[] }): Promise<string>;
  /** POSTs a GraphQL operation to `url` (the gateway by default). */
  graphql<T = Record<string, unknown>>(
    query: string,
    options?: { token?: string; variables?: Record<string, unknown>; url?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** The whole hub on its own database and data directory, gateway on a free port. */
export async function startTestHub(overrides: Partial<Record<keyof HubEnvironment, string>> = {}): Promise<TestHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-test-'));
  const environment = loadEnvironment(
    {},
    { NODE_ENV: 'test', PORT: '0', HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...overrides },
  );
  let database: TestDatabase | undefined;
  try {
    database = await createTestDatabase();
    const clock = new SettableClock();
    const hub = await startHub(environment, { database: database.connector, clock });
    const trust = readTrustConfig(environment.TRUST_CONFIG);
    return {
      hub,
      environment,
      clock,
      token: (org, role, options = {}) => mintDevelopmentToken(trust, dataDir, { org, role, ...options }),
      graphql: (query, options = {}) => postGraphQL(options.url ?? hub.url, query, options),
      close: async () => {
        await hub.close();
        await database?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLResponse<T>['errors'] };
  return { status: response.status, headers: response.headers, ...body };
}
