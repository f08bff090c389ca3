import { Field, type ReturnTypeFunc } from '@nestjs/graphql';
import { CASE_FIELD_CATEGORIES, isCaseField } from '../policy/case-fields';
import { withholdUnlessDisclosed } from '../policy/withhold-unless-disclosed.middleware';

/** A personal field of a case: nullable, released only through the policy, its category in the schema. */
export function CaseField(type: ReturnTypeFunc, description?: string): PropertyDecorator {
  return (target, property) => {
    const name = String(property);
    if (!isCaseField(name)) throw new Error(`Case.${name} has no data category in case-fields.ts`);
    Field(type, {
      nullable: true,
      middleware: [withholdUnlessDisclosed],
      description: `${description ? `${description} ` : ''}(${CASE_FIELD_CATEGORIES[name]})`,
    })(target, property);
  };
}
