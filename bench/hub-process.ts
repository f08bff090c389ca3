import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { mintDevelopmentToken, readTrustConfig } from '@hub/identity';
import { loadEnvironment } from '@hub/platform';
import type { HubRequirements, HubUnderTest } from './types';

const ROOT = resolve(__dirname, '..');
const DEFAULT_READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

import type { HubMemory } from './types';
export type { HubMemory };

export interface HubProcess extends HubUnderTest {
  pid: number;
  /** Idempotent; always safe to call, also after a failed start. */
  stop(): Promise<void>;
}

/**
 * Starts `bench/serve-hub.ts` in a child process on a fresh data directory and waits for its URLs.
 * With DATABASE_URL the hub gets a fresh database of its own on that server, dropped by `stop()`:
 * what one run writes (seeded rows, audit rows) never reaches the next, nor the server's own database.
 */
export async function startHubProcess(log: (line: string) => void, requirements: HubRequirements = {}): Promise<HubProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  const env: NodeJS.ProcessEnv = {
    // BENCH_POLICY_* switch on benchmark-only behaviour in serve-hub: only the suite that asks gets it.
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BENCH_POLICY_'))),
    ...requirements.env,
    PORT: '0',
    HUB_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  let database: ServerDatabase | undefined;
  if (process.env.DATABASE_URL) {
    database = await createServerDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = database.url;
  } else {
    delete env.DATABASE_URL;
  }
  // Parent and child read the same settings, so they agree on trust config and the key folder.
  let environment: ReturnType<typeof loadEnvironment>;
  try {
    environment = loadEnvironment(env);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
    throw error;
  }

  // --expose-gc: memory figures are read after a full collection, not whenever V8 last ran one.
  const child = spawn(process.execPath, ['--expose-gc', '-r', '@swc-node/register', 'bench/serve-hub.ts'], {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => {
    child.once('exit', () => done());
    child.once('error', () => done());
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', killOnExit);
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };

  try {
    const ready = await waitForReadyLine(child, exited, log, requirements.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
    const trust = readTrustConfig(environment.TRUST_CONFIG);
    return {
      pid: child.pid ?? -1,
      gateway: ready.gateway,
      subgraphs: ready.subgraphs,
      database: ready.database,
      fixture: ready.fixture ?? {},
      // Only after the ready line: the child has generated the development keys in dataDir by then.
      token: (org, role, options = {}) => mintDevelopmentToken(trust, dataDir, { org, role, user: options.user }),
      counts: () => readCounts(ready.control),
      memory: () => readMemory(ready.control),
      control: ready.control,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface ServerDatabase {
  url: string;
  drop(): Promise<void>;
}

async function createServerDatabase(serverUrl: string): Promise<ServerDatabase> {
  const name = `hub_bench_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface ReadyLine {
  gateway: string;
  subgraphs: Record<string, string>;
  database: 'embedded' | 'postgres';
  /** serve-hub's loopback endpoint for row counts. */
  control: string;
  fixture?: Record<string, unknown>;
}

async function readCounts(control: string): Promise<Record<string, number>> {
  const response = await fetch(`${control}/counts`);
  if (!response.ok) throw new Error(`counts: ${control} answered ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, number>;
}

async function readMemory(control: string): Promise<HubMemory> {
  const response = await fetch(`${control}/memory`);
  if (!response.ok) throw new Error(`memory: ${control} answered ${response.status} ${await response.text()}`);
  return (await response.json()) as HubMemory;
}

/** The child's logs share stdout with the ready line: pass them on, keep the tail for errors. */
function waitForReadyLine(
  child: ChildProcess,
  exited: Promise<void>,
  log: (line: string) => void,
  timeoutMs: number,
): Promise<ReadyLine> {
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', (line) => {
    keep(line);
    log(`[hub] ${line}`);
  });
  return new Promise<ReadyLine>((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(
      () => reject(new Error(`hub did not start within ${timeoutMs / 1000}s:\n${tail.join('\n')}`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = ready ? undefined : tryParse(line);
      if (parsed && typeof parsed.gateway === 'string' && parsed.subgraphs) {
        ready = true;
        clearTimeout(timer);
        resolve(parsed as unknown as ReadyLine);
        return;
      }
      keep(line);
      log(`[hub] ${line}`);
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`hub exited (code ${child.exitCode}) before it was ready:\n${tail.join('\n')}`));
    });
  });
}

function tryParse(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
