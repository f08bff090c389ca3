import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { mintDevelopmentToken, readTrustConfig } from '@hub/identity';
import { loadEnvironment } from '@hub/platform';
import { postGraphQL, type TestHub } from './test-hub';

const ROOT = resolve(__dirname, '../../..');

/** A whole hub in a child process, on a database and data directory the test owns and keeps. */
export interface HubChildProcess extends Pick<TestHub, 'token' | 'graphql'> {
  url: string;
  pid: number;
  /** Sends the signal (SIGKILL by default: no shutdown hook runs) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface HubChildOptions {
  /** HUB_DATA_DIR: the embedded database (when no databaseUrl) and the development keys live here. */
  dataDir: string;
  /** The child's DATABASE_URL; absent, it runs on embedded PGlite in dataDir. */
  databaseUrl?: string;
  /** Further settings, e.g. OUTBOX_RELAY=off. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/**
 * Starts `bench/serve-hub.ts` (it prints one JSON line with its URLs when ready) in a child process.
 * Unlike bench/hub-process.ts it leaves the database and data directory alone, so a test can kill the
 * child and start another hub on what it left behind.
 */
export async function startHubChildProcess(options: HubChildOptions): Promise<HubChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS; // jest's VM-modules flag is not for the hub
  Object.assign(env, { PORT: '0', HUB_DATA_DIR: options.dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test' }, options.env);
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const environment = loadEnvironment(env);

  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'bench/serve-hub.ts'], { cwd: ROOT, env, stdio: 'pipe' });
  const exited = new Promise<void>((done) => {
    child.once('exit', () => done());
    child.once('error', () => done());
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    process.removeListener('exit', killOnExit);
  };

  try {
    const gateway = await readyLine(child, exited, options.readyTimeoutMs ?? 90_000);
    const trust = readTrustConfig(environment.TRUST_CONFIG);
    return {
      url: gateway,
      pid: child.pid ?? -1,
      // After the ready line: the child has generated the development keys in dataDir by then.
      token: (org, role, tokenOptions = {}) => mintDevelopmentToken(trust, options.dataDir, { org, role, ...tokenOptions }),
      graphql: (query, requestOptions = {}) => postGraphQL(requestOptions.url ?? gateway, query, requestOptions),
      kill,
    };
  } catch (error) {
    await kill();
    throw error;
  }
}

/** The gateway URL from the child's ready line; its other output is kept for the error message. */
function readyLine(child: ChildProcess, exited: Promise<void>, timeoutMs: number): Promise<string> {
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', keep);
  return new Promise((resolvePromise, reject) => {
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`hub child not ready within ${timeoutMs / 1000}s:\n${tail.join('\n')}`)), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const gateway = ready ? undefined : gatewayOf(line);
      if (gateway) {
        ready = true;
        clearTimeout(timer);
        resolvePromise(gateway);
      } else {
        keep(line);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`hub child exited (code ${child.exitCode}) before it was ready:\n${tail.join('\n')}`));
    });
  });
}

function gatewayOf(line: string): string | undefined {
  try {
    const parsed = JSON.parse(line) as { gateway?: unknown };
    return typeof parsed.gateway === 'string' ? parsed.gateway : undefined;
  } catch {
    return undefined;
  }
}
