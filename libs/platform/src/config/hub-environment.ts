import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/**
 * Every setting the hub reads from its environment, validated at boot. This is the only place
 * `process.env` is read (see `loadEnvironment`): everything else receives a `HubEnvironment`.
 */
export class HubEnvironment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 4000;

  /** PostgreSQL; when absent the hub runs on embedded PGlite under HUB_DATA_DIR. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string = undefined;

  @IsString()
  HUB_DATA_DIR = './data';

  @IsString()
  TRUST_CONFIG = 'config/trust.development.json';

  @IsString()
  LANDSCAPE_CONFIG = 'config/landscape.thamesmead.json';

  @IsString()
  SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';

  /** Where the gateway reaches each subgraph when they run as separate processes. */
  @IsUrl({ require_tld: false, require_protocol: true })
  EXCHANGE_URL = 'http://localhost:4001/graphql';
  @IsUrl({ require_tld: false, require_protocol: true })
  DIRECTORY_URL = 'http://localhost:4002/graphql';
  @IsUrl({ require_tld: false, require_protocol: true })
  INSIGHTS_URL = 'http://localhost:4003/graphql';

  /** Oldest token accepted, by its `iat`, whatever its `exp` says. */
  @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  TOKEN_MAX_AGE_SECONDS = 12 * 3600;

  @Transform(toInt) @IsInt() @Min(0) @Max(300)
  TOKEN_CLOCK_TOLERANCE_SECONDS = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt) @IsInt() @Min(2) @Max(50)
  GRAPHQL_MAX_DEPTH = 10;
  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  GRAPHQL_MAX_ALIASES = 15;
  @Transform(toInt) @IsInt() @Min(100) @Max(1_000_000)
  GRAPHQL_MAX_COST = 5000;
  @Transform(toInt) @IsInt() @Min(100) @Max(100_000)
  GRAPHQL_MAX_TOKENS = 2000;
  /** Subscriptions one WebSocket may carry at once (a client needs a handful; a leak or abuse needs many). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET = 25;

  /** Service levels: acknowledge within this many working days (England and Wales). */
  @Transform(toInt) @IsInt() @Min(1) @Max(30)
  REFERRAL_ACKNOWLEDGE_WORKING_DAYS = 3;
  /** Service levels: first contact within this many days of acceptance. */
  @Transform(toInt) @IsInt() @Min(1) @Max(90)
  REFERRAL_CONTACT_DAYS = 14;

  /** How outbox wake-ups reach other hub processes: memory (one process), postgres (LISTEN/NOTIFY), redis, nats. */
  @IsOptional() @IsIn(['memory', 'postgres', 'redis', 'nats'])
  EVENT_BUS?: 'memory' | 'postgres' | 'redis' | 'nats' = undefined;
  @IsOptional() @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string = undefined;
  @IsOptional() @Matches(/^(nats|tls):\/\/\S+$/, { message: 'NATS_URL must be a nats:// or tls:// URL' })
  NATS_URL?: string = undefined;
  /** off: this process writes outbox rows but never publishes them (another process's relay does). */
  @IsIn(['on', 'off'])
  OUTBOX_RELAY: 'on' | 'off' = 'on';
  /** The relay and each feed also poll this often, so a lost wake-up only delays an event. */
  @Transform(toInt) @IsInt() @Min(50) @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  /** Gap reports: counts from 0 to this are suppressed (NHS practice: 7). Lower it only with your IG lead. */
  @Transform(toInt) @IsInt() @Min(3) @Max(100)
  DISCLOSURE_THRESHOLD = 7;
  /** Gap reports: published counts are multiples of this. */
  @Transform(toInt) @IsInt() @Min(2) @Max(100)
  DISCLOSURE_ROUNDING_BASE = 5;
  /** Where users reach the gateway (links the hub hands out, e.g. a report's CSV); default http://localhost:PORT. */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string = undefined;

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export class InvalidConfigurationError extends Error {}

/** Reads and validates settings; the message names every bad setting and what it must be. */
export function loadEnvironment(
  source: Record<string, string | undefined> = process.env,
  overrides: Partial<Record<keyof HubEnvironment, string | number | undefined>> = {},
): HubEnvironment {
  const known = Object.keys(new HubEnvironment());
  const picked: Record<string, unknown> = {};
  for (const key of known) {
    const value = key in overrides ? overrides[key as keyof HubEnvironment] : source[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const environment = plainToInstance(HubEnvironment, picked);
  const errors = validateSync(environment, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}=${JSON.stringify(picked[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new InvalidConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return environment;
}
