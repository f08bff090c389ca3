// `npm start` on a fresh clone: install dependencies from the lockfile once, then get out of the way.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');

if (!existsSync('node_modules/.package-lock.json')) {
  process.stdout.write('Installing dependencies (first start only)...\n');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
