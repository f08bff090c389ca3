import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { validationErrorsToFields } from '@hub/validation';
import { HubError, HubErrorCode } from '../errors/hub-error';

/**
 * Every input is checked before a resolver runs; a refusal is BAD_USER_INPUT naming each bad field
 * (`contact.postcode`), and nothing is written. Unknown properties are refused, not dropped.
 */
export function hubValidationPipe(): ValidationPipe {
  return new NullKeepingValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = validationErrorsToFields(errors);
      const summary = fields.map((f) => f.messages.join('; ')).join('; ');
      return new HubError(HubErrorCode.BAD_USER_INPUT, `Invalid input: ${summary}`, {
        field: fields[0]?.field,
        fields,
      });
    },
  });
}

/**
 * An argument sent as null (or left out) reaches the resolver as null (or undefined). Nest's pipe
 * would turn it into an empty object or, for a nullable enum argument, a string: a filter of ""
 * instead of no filter.
 */
class NullKeepingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (value === null || value === undefined) return value;
    return super.transform(value, metadata);
  }
}
