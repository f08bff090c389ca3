import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { type BuildSchemaOptions, GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Request } from 'express';
import { TokenVerifier } from '@hub/identity';
import type { HubEnvironment } from '../config/hub-environment';
import { UnauthenticatedError } from '../errors/hub-error';
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
): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    inject: [TokenVerifier],
    useFactory: (verifier: TokenVerifier) => ({
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
      plugins: [ApolloServerPluginInlineTraceDisabled()],
      includeStacktraceInErrorResponses: false,
      formatError: formatHubError,
      context: async ({ req }: { req: Request }) => {
        const principal = await verifier.tryVerify(req.headers.authorization);
        if (!principal) throw new UnauthenticatedError();
        return { req, principal };
      },
    }),
  });
}
