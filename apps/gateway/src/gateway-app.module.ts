import { type DynamicModule, Module } from '@nestjs/common';
import {
  gatewayGraphQLModule,
  GatewayHttpForwardingModule,
  GatewaySubscriptionsModule,
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
        // Subscriptions at the same URL: Apollo Gateway does not carry them (libs/platform/src/gateway/subscription-proxy.ts).
        GatewaySubscriptionsModule.forRoot(environment, subgraphUrls),
        // Plain HTTP GETs for /oruk/* and /reports/* go to the subgraph that serves them (HTTP_FORWARDS).
        GatewayHttpForwardingModule.forRoot(subgraphUrls),
        HealthModule.forGateway(),
      ],
    };
  }
}
