import { Supergraph } from '@apollo/federation-internals';
import {
  type DocumentNode,
  type ExecutionArgs,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { HubErrorCode } from '../errors/hub-error';
import { OPERATION_LIMIT_MESSAGES } from '../graphql/format-error';

/** The supergraph's public schema, and which subgraph serves each Subscription field. */
export interface SubscriptionRouting {
  apiSchema: GraphQLSchema;
  owners: Map<string, string>;
}

/** Read from the supergraph's join directives, so a field moving to another subgraph needs no code change. */
export function subscriptionRoutingOf(supergraphSdl: string): SubscriptionRouting {
  const supergraph = Supergraph.build(supergraphSdl);
  const owners = new Map<string, string>();
  for (const subgraph of supergraph.subgraphs()) {
    const root = subgraph.schema.schemaDefinition.root('subscription');
    for (const field of root?.type.fields() ?? []) owners.set(field.name, subgraph.name);
  }
  return { apiSchema: supergraph.apiSchema().toGraphQLJSSchema(), owners };
}

export interface OperationLimits {
  validationRules: ValidationRule[];
  maxTokens: number;
}

export interface CheckedSubscription {
  args: ExecutionArgs;
  subgraph: string;
}

/**
 * What the gateway checks before any subgraph hears of a subscription: it parses within the token
 * limit, validates against the public schema with the operation limits, is a subscription, and its
 * fields belong to one subgraph. Every refusal carries a code, and none suggests field names.
 */
export function checkSubscription(
  routing: SubscriptionRouting,
  payload: SubscribePayload,
  limits: OperationLimits,
): CheckedSubscription | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: limits.maxTokens });
  } catch (error) {
    const tooLarge = /tokens/.test((error as Error).message);
    return [refusal(tooLarge ? 'Operation is too large.' : 'Syntax error in the operation.', tooLarge ? HubErrorCode.OPERATION_TOO_LARGE : 'GRAPHQL_PARSE_FAILED')];
  }
  const invalid = validate(routing.apiSchema, document, [...specifiedRules, ...limits.validationRules]);
  if (invalid.length > 0) return invalid.map(validationRefusal);
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return [refusal('Name one operation of the document (operationName).', HubErrorCode.BAD_USER_INPUT)];
  if (operation.operation !== 'subscription') {
    return [refusal('Only subscriptions go over the socket: send queries and mutations over HTTP POST.', 'BAD_REQUEST')];
  }
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
  const subgraphs = new Set(fields.map((field) => routing.owners.get(field)));
  const [subgraph] = subgraphs;
  if (subgraphs.size !== 1 || !subgraph) {
    return [refusal('A subscription selects fields of one subgraph only.', HubErrorCode.BAD_USER_INPUT)];
  }
  const args = {
    schema: routing.apiSchema,
    document,
    operationName: payload.operationName ?? undefined,
    variableValues: payload.variables ?? undefined,
  };
  return { args, subgraph };
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

function validationRefusal(error: GraphQLError): GraphQLError {
  const limit = Object.entries(OPERATION_LIMIT_MESSAGES).find(([message]) => error.message.endsWith(message));
  if (limit) return refusal(limit[0], limit[1]);
  // No "Did you mean …?": the schema is not to be guessed at through the gateway.
  return refusal(error.message.replace(/ Did you mean .*$/, ''), 'GRAPHQL_VALIDATION_FAILED');
}
