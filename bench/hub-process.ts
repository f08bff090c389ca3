import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { mintDevelopmentToken, readTrustConfig } from '@hub/identity';
import { loadEnvironment } from '@hub/platform';
import type { HubUnderTest } from './types';

const ROOT = resolve(__dirname, '..');
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

export interface HubProcess extends HubUnderTest {
  pid: number;
  /** Idempotent; always safe to call, also after a failed start. */
  stop(): Promise<void>;
}

/** Starts `bench/serve-hub.ts` in a child process on a fresh data directory and waits for its URLs. */
export async function startHubProcess(log: (line: string) => void): Promise<HubProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HUB_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  if (!process.env.DATABASE_URL) delete env.DATABASE_URL;
  // Parent and child read the same settings, so they agree on trust config and the key folder.
  const environment = loadEnvironment(env);

  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'bench/serve-hub.ts'], {
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
  };

  try {
    const ready = await waitForReadyLine(child, exited, log);
    const trust = readTrustConfig(environment.TRUST_CONFIG);
    return {
      pid: child.pid ?? -1,
      gateway: ready.gateway,
      subgraphs: ready.subgraphs,
      database: ready.database,
      // Only after the ready line: the child has generated the development keys in dataDir by then.
      token: (org, role) => mintDevelopmentToken(trust, dataDir, { org, role }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface ReadyLine {
  gateway: string;
  subgraphs: Record<string, string>;
  database: 'embedded' | 'postgres';
}

/** The child's logs share stdout with the ready line: pass them on, keep the tail for errors. */
function waitForReadyLine(child: ChildProcess, exited: Promise<void>, log: (line: string) => void): Promise<ReadyLine> {
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
      () => reject(new Error(`hub did not start within ${READY_TIMEOUT_MS / 1000}s:\n${tail.join('\n')}`)),
      READY_TIMEOUT_MS,
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
