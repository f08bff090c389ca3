import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HUB_ENVIRONMENT, type HubEnvironment } from '@hub/platform';
import { openOutboxBus } from './open-outbox-bus';
import { databaseUrlOf, OUTBOX_BUS } from './outbox-bus';
import { OutboxFeed } from './outbox-feed';
import { OutboxRelay } from './outbox-relay';

export * from './open-outbox-bus';
export * from './outbox-bus';
export * from './outbox-feed';
export * from './outbox-relay';
export * from './outbox-signal';

/** The bus (connected at boot: a bad EVENT_BUS setting stops the app), the relay and the feed. */
export const OUTBOX_PROVIDERS: Provider[] = [
  {
    provide: OUTBOX_BUS,
    inject: [HUB_ENVIRONMENT, getDataSourceToken()],
    useFactory: (environment: HubEnvironment, dataSource: DataSource) => openOutboxBus(environment, databaseUrlOf(dataSource)),
  },
  OutboxRelay,
  OutboxFeed,
];
