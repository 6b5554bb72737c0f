import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { HSDS_SCHEMA_DIR } from '../../paths.js';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsImport as unknown as { default?: AddFormats }).default ?? addFormatsImport) as unknown as AddFormats;

export interface HsdsValidators {
  organization: ValidateFunction;
  service: ValidateFunction;
}

let cached: HsdsValidators | undefined;

/**
 * Validators for HSDS 3 organizations and services against the official JSON schemas shipped in
 * `src/server/modules/directory/hsds-3/` (their relative `$ref`s resolve between the files). The
 * schemas carry Frictionless Data keywords Ajv does not know, hence `strict: false`.
 */
export function hsdsValidators(): HsdsValidators {
  if (cached) return cached;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const file of readdirSync(HSDS_SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(HSDS_SCHEMA_DIR, file), 'utf8')) as object, file);
  }
  const organization = ajv.getSchema('organization.json');
  const service = ajv.getSchema('service.json');
  if (!organization || !service) throw new Error(`HSDS schemas missing in ${HSDS_SCHEMA_DIR}`);
  cached = { organization, service };
  return cached;
}

/** The schema errors of a record in one readable line (at most five). */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string {
  const list = (errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(record)'} ${e.message ?? 'is invalid'}`);
  const more = (errors?.length ?? 0) > 5 ? ` (+${(errors?.length ?? 0) - 5} more)` : '';
  return `Does not match the HSDS 3 schema: ${list.join('; ')}${more}`;
}

/** One schema error in Dutch (the HSDS field names stay as they are); Ajv's English for what is not listed here. */
function schemaErrorNl(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : String(v));
  switch (e.keyword) {
    case 'required':
      return `mist het verplichte veld "${String(p.missingProperty)}"`;
    case 'type':
      return `moet van het type ${list(p.type)} zijn`;
    case 'format':
      return `heeft niet het formaat "${String(p.format)}"`;
    case 'enum':
      return `moet een van de toegelaten waarden zijn (${list(p.allowedValues)})`;
    case 'const':
      return `moet "${String(p.allowedValue)}" zijn`;
    case 'pattern':
      return `heeft niet de vereiste vorm "${String(p.pattern)}"`;
    case 'minLength':
      return `moet minstens ${String(p.limit)} tekens hebben`;
    case 'maxLength':
      return `mag hoogstens ${String(p.limit)} tekens hebben`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `moet ${String(p.comparison)} ${String(p.limit)} zijn`;
    case 'minItems':
      return `moet minstens ${String(p.limit)} elementen hebben`;
    case 'maxItems':
      return `mag hoogstens ${String(p.limit)} elementen hebben`;
    case 'additionalProperties':
      return `bevat het onbekende veld "${String(p.additionalProperty)}"`;
    case 'uniqueItems':
      return 'bevat dubbele elementen';
    default:
      return `is ongeldig (${e.message ?? e.keyword})`;
  }
}

/** describeSchemaErrors in Dutch: the UI's and the API's `reason`. */
export function describeSchemaErrorsNl(errors: ErrorObject[] | null | undefined): string {
  const list = (errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(record)'} ${schemaErrorNl(e)}`);
  const more = (errors?.length ?? 0) > 5 ? ` (+${(errors?.length ?? 0) - 5} meer)` : '';
  return `Voldoet niet aan het HSDS 3-schema: ${list.join('; ')}${more}`;
}
