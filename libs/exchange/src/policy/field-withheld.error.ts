import { getLocation, type GraphQLError, type GraphQLResolveInfo, type Location, responsePathAsArray } from 'graphql';
import { HubError, HubErrorCode } from '@hub/platform';
import type { AccessDecision } from './access-decision';
import { CASE_FIELD_CATEGORIES, type CaseField } from './case-fields';

/**
 * A field the caller may not read: it comes back null, and this error says which and why. It is an
 * answer, not a fault, so it carries no stack trace, and given the field's `info` it is located
 * where graphql-js would locate it. An error thrown unlocated is wrapped in a new GraphQLError that
 * copies its stack, and capturing and formatting a (source-mapped) stack cost more than the decision.
 */
export class FieldWithheldError extends HubError {
  constructor(field: CaseField, decision: AccessDecision, at?: Pick<GraphQLResolveInfo, 'fieldNodes' | 'path'>) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(HubErrorCode.FIELD_WITHHELD, `${field} was withheld: ${decision.reason}`, {
        field,
        category: CASE_FIELD_CATEGORIES[field],
        reason: decision.rule,
      });
    } finally {
      Error.stackTraceLimit = limit;
    }
    if (at) locate(this, at);
  }
}

type Locatable = { -readonly [K in 'nodes' | 'source' | 'positions' | 'locations' | 'path']: GraphQLError[K] };

/** What graphql-js's locatedError sets: the field's nodes, their places in the document, and the path. */
function locate(error: GraphQLError, { fieldNodes, path }: Pick<GraphQLResolveInfo, 'fieldNodes' | 'path'>): void {
  const located = error as unknown as Locatable;
  const places = fieldNodes.map((node) => node.loc).filter((loc): loc is Location => loc != null);
  located.nodes = fieldNodes.length > 0 ? fieldNodes : undefined;
  located.source = places[0]?.source;
  located.positions = places.length > 0 ? places.map((loc) => loc.start) : undefined;
  located.locations = places.length > 0 ? places.map((loc) => getLocation(loc.source, loc.start)) : undefined;
  located.path = responsePathAsArray(path);
}
