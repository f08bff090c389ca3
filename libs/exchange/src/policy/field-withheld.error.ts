import { HubError, HubErrorCode } from '@hub/platform';
import type { AccessDecision } from './access-decision';
import { CASE_FIELD_CATEGORIES, type CaseField } from './case-fields';

/** A field the caller may not read: it comes back null, and this error says which and why. */
export class FieldWithheldError extends HubError {
  constructor(field: CaseField, decision: AccessDecision) {
    super(HubErrorCode.FIELD_WITHHELD, `${field} was withheld: ${decision.reason}`, {
      field,
      category: CASE_FIELD_CATEGORIES[field],
      reason: decision.rule,
    });
  }
}
