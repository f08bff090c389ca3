// The registry these machines use lacks some of @swc/core's platform binaries, so a lockfile written
// here leaves them out and `npm ci` then refuses the lockfile. This adds the missing entries as a
// lockfile written elsewhere has them: optional, bound to their os/cpu, so each machine fetches only
// its own. Run after any `npm install` that touches @swc/core.
const fs = require('node:fs');

const PLATFORMS = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm-gnueabihf': { os: ['linux'], cpu: ['arm'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'linux-ppc64-gnu': { os: ['linux'], cpu: ['ppc64'], libc: ['glibc'] },
  'linux-s390x-gnu': { os: ['linux'], cpu: ['s390x'], libc: ['glibc'] },
  'linux-x64-gnu': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-ia32-msvc': { os: ['win32'], cpu: ['ia32'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};

const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const core = lock.packages['node_modules/@swc/core'];
let added = 0;
for (const [name, version] of Object.entries(core.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const platform = PLATFORMS[name.replace('@swc/core-', '')];
  if (!platform) throw new Error(`no platform known for ${name}`);
  lock.packages[key] = { version, ...platform, dev: true, license: 'Apache-2.0 AND MIT', optional: true, engines: { node: '>=10' } };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`lockfile: added ${added} platform entries for @swc/core\n`);
