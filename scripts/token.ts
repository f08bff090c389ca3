import { parseArgs } from 'node:util';
import { mintDevelopmentToken, readTrustConfig } from '@hub/identity';
import { loadEnvironment } from '@hub/platform';
import { isRole, ROLES } from '@hub/vocabulary';

const USAGE = `usage: npm run token -- --org <slug> --role <${ROLES.join('|')}> [--user <name>] [--ttl <seconds>] [--scope <scope> ...]`;

/** `npm run token`: prints a signed development token for a seeded organisation. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      role: { type: 'string' },
      user: { type: 'string' },
      ttl: { type: 'string' },
      scope: { type: 'string', multiple: true },
    },
  });
  if (!values.org || !values.role) throw new Error(USAGE);
  if (!isRole(values.role)) throw new Error(`Unknown role "${values.role}".\n${USAGE}`);
  const ttlSeconds = values.ttl === undefined ? 3600 : Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new Error(`--ttl must be a whole number of seconds.\n${USAGE}`);
  const environment = loadEnvironment();
  const token = await mintDevelopmentToken(readTrustConfig(environment.TRUST_CONFIG), environment.HUB_DATA_DIR, {
    org: values.org,
    role: values.role,
    user: values.user,
    ttlSeconds,
    scopes: values.scope,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
