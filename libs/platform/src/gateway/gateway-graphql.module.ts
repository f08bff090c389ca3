import { readFileSync } from 'node:fs';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { TokenVerifier } from '@hub/identity';
import type { HubEnvironment } from '../config/hub-environment';
import { UnauthenticatedError } from '../errors/hub-error';
import { formatHubError } from '../graphql/format-error';
import { ForwardingDataSource, type GatewayContext } from './forwarding-data-source';
import { operationLimits } from './operation-limits';

/** Subgraph name (as composed) → the URL the gateway reaches it at. */
export type SubgraphUrls = Record<string, string>;

export function subgraphUrlsFrom(environment: HubEnvironment): SubgraphUrls {
  return { exchange: environment.EXCHANGE_URL, directory: environment.DIRECTORY_URL, insights: environment.INSIGHTS_URL };
}

/**
 * Apollo Gateway over the committed supergraph. It refuses unauthenticated callers itself, so a bad
 * token never costs a subgraph call, and applies the operation limits before planning.
 */
export function gatewayGraphQLModule(environment: HubEnvironment, subgraphUrls: SubgraphUrls): DynamicModule {
  const supergraphSdl = readFileSync(environment.SUPERGRAPH_FILE, 'utf8');
  const limits = operationLimits(environment);
  return GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
    driver: ApolloGatewayDriver,
    inject: [TokenVerifier],
    useFactory: (verifier: TokenVerifier) => ({
      server: {
        ...limits,
        introspection: !environment.production,
        formatError: formatHubError,
        context: async ({ req }: { req: Request & { id?: string } }): Promise<GatewayContext> => {
          const principal = await verifier.tryVerify(req.headers.authorization);
          if (!principal) throw new UnauthenticatedError();
          return { authorization: req.headers.authorization, requestId: req.id ? String(req.id) : undefined };
        },
      },
      gateway: {
        supergraphSdl,
        buildService: ({ name, url }) => new ForwardingDataSource({ url: subgraphUrls[name] ?? url }),
      },
    }),
  });
}
