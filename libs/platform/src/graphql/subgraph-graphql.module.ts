import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { type BuildSchemaOptions, GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import type { GraphQLError } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { TokenVerifier } from '@hub/identity';
import type { HubEnvironment } from '../config/hub-environment';
import { UnauthenticatedError } from '../errors/hub-error';
import { closeSession, formatSocketErrors, openSession, type SessionExtra, type SocketContext } from '../gateway/socket-auth';
import { formatHubError } from './format-error';

/**
 * A code-first Federation 2 subgraph that authenticates every request itself, so a subgraph reached
 * directly (not through the gateway) gives nothing away: the context refuses before any resolver runs.
 */
export function subgraphGraphQLModule(
  environment: HubEnvironment,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  include: Function[],
  /** Entity stubs no query reaches (a type only extended here, e.g. the directory's Referral): kept in the schema anyway. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes: Function[] = [],
  /** `subscriptions`: serve the schema's Subscription over graphql-ws on the same /graphql path. */
  options: { subscriptions?: boolean } = {},
): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    inject: [TokenVerifier],
    useFactory: (verifier: TokenVerifier) => {
      const sockets = new Set<WebSocket>();
      return {
        autoSchemaFile: { federation: 2 },
        // Several subgraphs can share a process (the embedded hub): each schema takes only its own
        // modules' resolvers and types (`registerIn`), never its neighbours'.
        include,
        sortSchema: true,
        // The federation driver forgets to pass `include` on to type generation; `includeModules` is
        // the internal option the plain driver sets for the same purpose.
        buildSchemaOptions: { dateScalarMode: 'isoDate', includeModules: include, orphanedTypes } as BuildSchemaOptions,
        introspection: !environment.production,
        playground: false,
        // Per-field timings are for Apollo's cloud; they would only tell callers how we work.
        plugins: [ApolloServerPluginInlineTraceDisabled(), ...(options.subscriptions ? [closeSocketsOnStop(sockets)] : [])],
        subscriptions: options.subscriptions ? { 'graphql-ws': subgraphSocketOptions(verifier, sockets) } : undefined,
        includeStacktraceInErrorResponses: false,
        formatError: formatHubError,
        context: async ({ req }: { req: Request }) => {
          const principal = await verifier.tryVerify(req.headers.authorization);
          if (!principal) throw new UnauthenticatedError();
          return { req, principal };
        },
      };
    },
  });
}

/**
 * graphql-ws beside HTTP (Nest's driver serves it): the same token check, held for the socket's
 * life and ended at the token's exp; errors shaped as over HTTP.
 */
function subgraphSocketOptions(verifier: TokenVerifier, openSockets: Set<WebSocket>): GraphQLWsSubscriptionsConfig {
  const options: Partial<ServerOptions<Record<string, unknown> | undefined, SessionExtra>> = {
    onConnect: async (ctx: SocketContext) => {
      if (!(await openSession(ctx, verifier))) return false;
      openSockets.add(ctx.extra.socket);
      return true;
    },
    onClose: (ctx: SocketContext) => {
      closeSession(ctx);
      openSockets.delete(ctx.extra.socket);
    },
    context: (ctx: SocketContext) => ({ principal: ctx.extra.session?.principal }),
    onNext: (_ctx: SocketContext, _id: string, _payload: unknown, _args: unknown, result: { errors?: readonly GraphQLError[] }) =>
      result.errors ? { ...result, errors: formatSocketErrors(result.errors) } : undefined,
    onError: (_ctx: SocketContext, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => formatSocketErrors(errors),
  };
  // Nest spreads these over its own graphql-ws options (GqlSubscriptionService), so `context` and
  // `onError` reach graphql-ws although Nest's type names fewer hooks.
  return options as GraphQLWsSubscriptionsConfig;
}

/** Nest's driver does not close its sockets on shutdown; without this, app.close() waits for every subscriber. */
function closeSocketsOnStop(openSockets: Set<WebSocket>): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
          async drainServer() {
            for (const socket of openSockets) socket.close(1001, 'Going away');
          },
      };
    },
  };
}
