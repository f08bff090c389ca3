import { GraphQLError } from 'graphql';
import { AccessRule } from '@hub/vocabulary';

/**
 * Every refusal the hub gives is one of these codes, carried in `extensions.code`.
 * Add a code here, never a bare string in a resolver.
 */
export enum HubErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  /** A field of a case the caller may not read: null in `data`, this error beside it. */
  FIELD_WITHHELD = 'FIELD_WITHHELD',
  /** No case the caller may see has this id (the same answer whether or not it exists). */
  CASE_NOT_VISIBLE = 'CASE_NOT_VISIBLE',
  REFERRAL_NOT_VISIBLE = 'REFERRAL_NOT_VISIBLE',
  AGREEMENT_NOT_VISIBLE = 'AGREEMENT_NOT_VISIBLE',
  CONSENT_NOT_VISIBLE = 'CONSENT_NOT_VISIBLE',
  /** The transition asked for does not fit the record's state (e.g. signing a terminated agreement). */
  STATE_CONFLICT = 'STATE_CONFLICT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The referral moves only along the lifecycle: this status cannot follow the current one. */
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  /** This side (sender or recipient) or role may not make this transition. */
  TRANSITION_NOT_YOURS = 'TRANSITION_NOT_YOURS',
  /** Someone changed the referral since the version the caller read: re-read and decide again. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The recipient already holds a live or recent referral of this person for these needs. */
  POSSIBLE_DUPLICATE_REFERRAL = 'POSSIBLE_DUPLICATE_REFERRAL',
  OPERATION_TOO_DEEP = 'OPERATION_TOO_DEEP',
  OPERATION_TOO_MANY_ALIASES = 'OPERATION_TOO_MANY_ALIASES',
  OPERATION_TOO_COSTLY = 'OPERATION_TOO_COSTLY',
  OPERATION_TOO_LARGE = 'OPERATION_TOO_LARGE',
  OPERATION_TOO_MANY_DIRECTIVES = 'OPERATION_TOO_MANY_DIRECTIVES',
  /** One WebSocket already carries as many subscriptions as one connection may. */
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const HTTP_STATUS: Partial<Record<string, number>> = {
  [HubErrorCode.UNAUTHENTICATED]: 401,
};

export class HubError extends GraphQLError {
  constructor(
    readonly code: HubErrorCode | AccessRule,
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
