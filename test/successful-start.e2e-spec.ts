import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevelopmentToken, readTrustConfig } from '@hub/identity';
import { postGraphQL } from '@hub/testing';
import { Role } from '@hub/vocabulary';

/** Runs the hub as `npm start` does (embedded database, no DATABASE_URL) and waits for its URL. */
function startHubProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/hub/src/main.ts'], {
    env: { ...env, HUB_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL:\s+(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('`npm start` on a fresh machine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts seeded, shuts down cleanly on SIGTERM, and keeps data and keys across a restart', async () => {
    const trust = readTrustConfig('config/trust.development.json');
    const first = await startHubProcess(dataDir);
    const token = await mintDevelopmentToken(trust, dataDir, { org: 'community-connect', role: Role.LINK_WORKER });
    const before = await postGraphQL<{ organisations: { id: string }[] }>(first.url, '{ organisations { id } }', { token });
    expect(before.data?.organisations).toHaveLength(11);
    expect(await stop(first.child)).toBe(0);

    const second = await startHubProcess(dataDir);
    // The token minted before the restart still verifies: the generated keys were kept.
    const after = await postGraphQL<{ organisations: { id: string }[] }>(second.url, '{ organisations { id } }', { token });
    expect(after.data?.organisations).toEqual(before.data?.organisations);
    expect(await stop(second.child)).toBe(0);
  });
});
