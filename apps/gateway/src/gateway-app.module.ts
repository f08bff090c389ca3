import { type DynamicModule, Module } from '@nestjs/common';
import {
  gatewayGraphQLModule,
  HealthModule,
  type HubEnvironment,
  identityModule,
  loggingModule,
  type SubgraphUrls,
} from '@hub/platform';

@Module({})
export class GatewayAppModule {
  static forRoot(environment: HubEnvironment, subgraphUrls: SubgraphUrls): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        loggingModule(environment, 'gateway'),
        identityModule(environment),
        gatewayGraphQLModule(environment, subgraphUrls),
        HealthModule.forGateway(),
      ],
    };
  }
}
