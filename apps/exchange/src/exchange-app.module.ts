import { type DynamicModule, Module } from '@nestjs/common';
import { EXCHANGE_RECORD_ENTITIES, EXCHANGE_RECORD_MIGRATIONS, ExchangeGraphQLScope, ExchangeModule } from '@hub/exchange';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from '@hub/audit';
import { ORGANISATION_ENTITIES, ORGANISATION_MIGRATIONS, OrganisationsModule } from '@hub/organisations';
import {
  HealthModule,
  type HubRuntime,
  HubRuntimeModule,
  identityModule,
  loggingModule,
  SubgraphDatabaseModule,
  type SubgraphSchema,
  subgraphGraphQLModule,
} from '@hub/platform';

/** The exchange owns organisations, agreements, consents, cases, referrals and the audit log. */
export const EXCHANGE_SCHEMA: SubgraphSchema = {
  schema: 'exchange',
  entities: [...ORGANISATION_ENTITIES, ...EXCHANGE_RECORD_ENTITIES, ...AUDIT_ENTITIES],
  migrations: [...ORGANISATION_MIGRATIONS, ...EXCHANGE_RECORD_MIGRATIONS, ...AUDIT_MIGRATIONS],
};

@Module({})
export class ExchangeAppModule {
  static forRoot(runtime: HubRuntime): DynamicModule {
    return {
      module: ExchangeAppModule,
      imports: [
        HubRuntimeModule.forRoot(runtime),
        loggingModule(runtime.environment, 'exchange'),
        identityModule(runtime.environment),
        SubgraphDatabaseModule.forRoot(runtime, EXCHANGE_SCHEMA),
        subgraphGraphQLModule(runtime.environment, [OrganisationsModule, ExchangeModule, ExchangeGraphQLScope], [], {
          subscriptions: true,
        }),
        HealthModule.forSubgraph(),
        OrganisationsModule,
        ExchangeModule,
      ],
    };
  }
}
