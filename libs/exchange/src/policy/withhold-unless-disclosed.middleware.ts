import type { FieldMiddleware } from '@nestjs/graphql';
import type { CaseField } from './case-fields';
import type { CaseAccess } from './case-access';
import { FieldWithheldError } from './field-withheld.error';

/** Anything that carries its caller's access: what the case resolvers hand to GraphQL. */
export interface WithAccess {
  access: CaseAccess;
}

/** The one place a personal field of a case is released or withheld. */
export const withholdUnlessDisclosed: FieldMiddleware = async (context, next) => {
  const { access } = context.source as WithAccess;
  const field = context.info.fieldName as CaseField;
  if (!access.canRead(field)) throw new FieldWithheldError(field, access.decisionFor(field), context.info);
  return next();
};
