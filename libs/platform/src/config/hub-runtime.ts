import type { DatabaseConnector } from '../database/database-connector';
import type { Clock } from './clock';
import type { HubEnvironment } from './hub-environment';

/** What every app module is built from: validated settings and the way to the database. */
export interface HubRuntime {
  environment: HubEnvironment;
  database: DatabaseConnector;
  /** The system clock unless a test sets one. */
  clock?: Clock;
}

export const HUB_ENVIRONMENT = Symbol('HUB_ENVIRONMENT');
export const DATABASE_CONNECTOR = Symbol('DATABASE_CONNECTOR');
