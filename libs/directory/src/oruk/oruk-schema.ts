import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const ORUK_SCHEMA_DIR = 'config/open-referral-uk';

let validators: Record<string, ValidateFunction> | undefined;

/** Validators for the Open Referral UK compiled schemas (their extra keywords are Frictionless metadata, hence `strict: false`). */
export function orukValidator(name: 'service' | 'organization'): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const load = (file: string) => ajv.compile(JSON.parse(readFileSync(`${ORUK_SCHEMA_DIR}/${file}.json`, 'utf8')));
    validators = { service: load('service'), organization: load('organization') };
  }
  return validators[name];
}

/** Ajv's errors as short sentences: `/schedules/0/freq must be equal to one of the allowed values`. */
export function schemaErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '(service)'} ${e.message ?? 'is invalid'}`);
}
