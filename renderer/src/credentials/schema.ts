// Runtime: any JavaScript. An OpenBadgeCredential checked against the Open Badges 3.0 JSON Schema
// (schema/open-badge-credential.schema.json), by the validator Ajv 2019 compiled ahead of time
// (scripts/open-badge-validator.ts), so no code is generated at run time under the app's CSP.
import type { OpenBadgeSchemaError } from './schema/open-badge-credential.validate.js';
import { validate } from './schema/open-badge-credential.validate.js';

/** At most this many schema problems are named; the rest are counted. */
const MAX_NAMED = 5;

function describe(error: OpenBadgeSchemaError): string {
  const where = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : 'the credential';
  if (error.keyword === 'required') return `${where} lacks "${String(error.params.missingProperty)}"`;
  if (error.keyword === 'additionalProperties') return `${where} has "${String(error.params.additionalProperty)}", which is not allowed there`;
  return `${where} ${error.message ?? `fails ${error.keyword}`}`;
}

/**
 * What in the value breaks the Open Badges 3.0 schema, one sentence each (empty when it is valid).
 * The branches of a oneOf or anyOf that failed are left out when a plainer error says the same.
 */
export function openBadgeSchemaProblems(value: unknown): string[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const plain = errors.filter((error) => !['oneOf', 'anyOf', 'if', 'allOf'].includes(error.keyword));
  const chosen = (plain.length > 0 ? plain : errors).map(describe);
  const unique = [...new Set(chosen)];
  return unique.length > MAX_NAMED ? [...unique.slice(0, MAX_NAMED), `and ${unique.length - MAX_NAMED} more`] : unique;
}
