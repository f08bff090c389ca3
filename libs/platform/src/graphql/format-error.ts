import type { GraphQLFormattedError } from 'graphql';
import { AccessRule } from '@hub/vocabulary';
import { HubErrorCode } from '../errors/hub-error';

/** Operation-limit messages (set in gateway/operation-limits.ts) and the code each becomes. */
export const OPERATION_LIMIT_MESSAGES: Record<string, HubErrorCode> = {
  'Operation is nested too deeply.': HubErrorCode.OPERATION_TOO_DEEP,
  'Operation uses too many aliases.': HubErrorCode.OPERATION_TOO_MANY_ALIASES,
  'Operation is too costly.': HubErrorCode.OPERATION_TOO_COSTLY,
  'Operation is too large.': HubErrorCode.OPERATION_TOO_LARGE,
  'Operation uses too many directives.': HubErrorCode.OPERATION_TOO_MANY_DIRECTIVES,
};

const KNOWN_CODES = new Set<string>([
  ...Object.values(HubErrorCode),
  ...Object.values(AccessRule),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * One place that shapes every error a caller sees: operation limits get their own code, anything
 * unexpected is masked (its detail goes to the log, not the caller), and stack traces never leave.
 */
export function formatHubError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const limit = Object.entries(OPERATION_LIMIT_MESSAGES).find(([message]) =>
    formatted.message.endsWith(message),
  );
  if (limit) {
    return { message: limit[0], extensions: { code: limit[1] } };
  }
  const code = String(formatted.extensions?.code ?? HubErrorCode.INTERNAL_SERVER_ERROR);
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
  if (!KNOWN_CODES.has(code)) {
    return { message: 'Internal server error', path: formatted.path, extensions: { code: HubErrorCode.INTERNAL_SERVER_ERROR } };
  }
  return { ...formatted, extensions: { ...extensions, code } };
}
