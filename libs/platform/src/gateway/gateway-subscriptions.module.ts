import { readFileSync } from 'node:fs';
import { type DynamicModule, Inject, Injectable, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TokenVerifier } from '@hub/identity';
import type { HubEnvironment } from '../config/hub-environment';
import type { SubgraphUrls } from './gateway-graphql.module';
import { operationLimits } from './operation-limits';
import { SubscriptionProxy } from './subscription-proxy';

const PROXY_SETTINGS = Symbol('SubscriptionProxySettings');
interface ProxySettings {
  environment: HubEnvironment;
  subgraphUrls: SubgraphUrls;
}

/** Starts the proxy on the app's HTTP server with the app, and closes its sockets before the server closes. */
@Injectable()
class SubscriptionProxyLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private proxy?: SubscriptionProxy;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: TokenVerifier,
    @Inject(PROXY_SETTINGS) private readonly settings: ProxySettings,
  ) {}

  onApplicationBootstrap(): void {
    const { environment, subgraphUrls } = this.settings;
    this.proxy = new SubscriptionProxy(this.adapterHost.httpAdapter.getHttpServer(), {
      supergraphSdl: readFileSync(environment.SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls,
      verifier: this.verifier,
      limits: { validationRules: operationLimits(environment).validationRules ?? [], maxTokens: environment.GRAPHQL_MAX_TOKENS },
      maxSubscriptionsPerSocket: environment.GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.proxy?.close();
  }
}

@Module({})
export class GatewaySubscriptionsModule {
  static forRoot(environment: HubEnvironment, subgraphUrls: SubgraphUrls): DynamicModule {
    return {
      module: GatewaySubscriptionsModule,
      providers: [{ provide: PROXY_SETTINGS, useValue: { environment, subgraphUrls } }, SubscriptionProxyLifecycle],
    };
  }
}
