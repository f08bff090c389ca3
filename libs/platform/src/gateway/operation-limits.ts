import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { HubEnvironment } from '../config/hub-environment';

/**
 * Depth, alias, cost, directive and token limits from graphql-armor. Limits never reveal themselves
 * (no numbers in messages, no field suggestions); `formatHubError` turns each message into its code.
 */
export function operationLimits(environment: HubEnvironment) {
  return new ApolloArmor({
    maxDepth: { n: environment.GRAPHQL_MAX_DEPTH, exposeLimits: false, errorMessage: 'Operation is nested too deeply.' },
    maxAliases: { n: environment.GRAPHQL_MAX_ALIASES, exposeLimits: false, errorMessage: 'Operation uses too many aliases.' },
    costLimit: {
      maxCost: environment.GRAPHQL_MAX_COST,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      exposeLimits: false,
      errorMessage: 'Operation is too costly.',
    },
    maxTokens: { n: environment.GRAPHQL_MAX_TOKENS, exposeLimits: false, errorMessage: 'Operation is too large.' },
    maxDirectives: { n: 20, exposeLimits: false, errorMessage: 'Operation uses too many directives.' },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
