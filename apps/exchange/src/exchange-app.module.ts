import { type DynamicModule, Module } from '@nestjs/common';
import { ORGANISATION_ENTITIES, ORGANISATION_MIGRATIONS, OrganisationsModule } from '@hub/organisations';
import {
  HealthModule,
  type HubRuntime,
  identityModule,
  loggingModule,
  SubgraphDatabaseModule,
  type SubgraphSchema,
  subgraphGraphQLModule,
} from '@hub/platform';

/** The exchange owns organisations (and, next, agreements, consents, cases, referrals, audit). */
export const EXCHANGE_SCHEMA: SubgraphSchema = {
  schema: 'exchange',
  entities: ORGANISATION_ENTITIES,
  migrations: ORGANISATION_MIGRATIONS,
};

@Module({})
export class ExchangeAppModule {
  static forRoot(runtime: HubRuntime): DynamicModule {
    return {
      module: ExchangeAppModule,
      imports: [
        loggingModule(runtime.environment, 'exchange'),
        identityModule(runtime.environment),
        SubgraphDatabaseModule.forRoot(runtime, EXCHANGE_SCHEMA),
        subgraphGraphQLModule(runtime.environment, [OrganisationsModule]),
        HealthModule.forSubgraph(),
        OrganisationsModule,
      ],
    };
  }
}
