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
