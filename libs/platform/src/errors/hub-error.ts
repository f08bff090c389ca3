import { GraphQLError } from 'graphql';

/**
 * Every refusal the hub gives is one of these codes, carried in `extensions.code`.
 * Add a code here, never a bare string in a resolver.
 */
export enum HubErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  OPERATION_TOO_DEEP = 'OPERATION_TOO_DEEP',
  OPERATION_TOO_MANY_ALIASES = 'OPERATION_TOO_MANY_ALIASES',
  OPERATION_TOO_COSTLY = 'OPERATION_TOO_COSTLY',
  OPERATION_TOO_LARGE = 'OPERATION_TOO_LARGE',
  OPERATION_TOO_MANY_DIRECTIVES = 'OPERATION_TOO_MANY_DIRECTIVES',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const HTTP_STATUS: Partial<Record<HubErrorCode, number>> = {
  [HubErrorCode.UNAUTHENTICATED]: 401,
};

export class HubError extends GraphQLError {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...details, ...(status ? { http: { status } } : {}) } });
  }
}

export class UnauthenticatedError extends HubError {
  constructor() {
    // One message for every cause: the caller learns nothing about which check failed.
    super(HubErrorCode.UNAUTHENTICATED, 'Authentication required: send a valid bearer token from a trusted issuer.');
  }
}
