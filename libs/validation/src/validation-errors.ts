import type { ValidationError } from 'class-validator';

export interface FieldErrors {
  /** Dotted path from the input's root, e.g. `contact.postcode` or `needs.categories.0`. */
  field: string;
  messages: string[];
}

/** Flattens class-validator's nested errors so the GraphQL layer can say which field was wrong. */
export function validationErrorsToFields(errors: ValidationError[], parent = ''): FieldErrors[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...validationErrorsToFields(error.children ?? [], field)];
  });
}
