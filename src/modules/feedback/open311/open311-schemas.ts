/**
 * Test support: the Open311 community's JSON Schemas of GeoReport v2 responses
 * (test/fixtures/open311, see PROVENANCE.md there), compiled with Ajv, to check that what
 * the platform serves as JSON has the shape clients expect. Tests only: Ajv is a
 * devDependency, so no production code may import this file.
 *
 * The schemas declare no `$schema`. They use only keywords that mean the same from draft-04
 * to draft-07 (type, enum, anyOf, required, properties, items, $ref, maxLength, format), so
 * Ajv's default draft-07 reads them unchanged; there is no transformation. Two settings
 * make them load:
 * - each file is registered under its own name, so the relative `$ref: "request.json"` of
 *   requests.json (and service.json of services.json) resolves;
 * - `strictTypes: false`, because the files put object keywords without `"type": "object"`
 *   and requests.json/services.json put `minItems`/`uniqueItems` inside `items`, where
 *   they apply to nothing (so an empty list is valid, as it should be).
 * `format` (date-time, uri) is checked through ajv-formats; date-time requires the offset.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const OPEN311_SCHEMA_DIR = fileURLToPath(
  new URL('../../../../test/fixtures/open311/', import.meta.url),
);

const FILES = {
  request: 'request.json',
  requests: 'requests.json',
  service: 'service.json',
  services: 'services.json',
  serviceDefinition: 'service-definition.json',
} as const;

export type Open311SchemaName = keyof typeof FILES;

function compileAll(): Record<Open311SchemaName, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  for (const file of Object.values(FILES)) {
    const schema = JSON.parse(fs.readFileSync(`${OPEN311_SCHEMA_DIR}${file}`, 'utf8'));
    ajv.addSchema(schema, file);
  }
  const validators = {} as Record<Open311SchemaName, ValidateFunction>;
  for (const [name, file] of Object.entries(FILES) as Array<[Open311SchemaName, string]>) {
    const validate = ajv.getSchema(file);
    if (!validate) throw new Error(`Open311 schema ${file} did not compile`);
    validators[name] = validate;
  }
  return validators;
}

export const open311Validators = compileAll();

/**
 * The schema's complaints about a value, one readable line each (`/0/status must be equal
 * to one of the allowed values`); empty when the value conforms.
 */
export function open311SchemaProblems(name: Open311SchemaName, value: unknown): string[] {
  const validate = open311Validators[name];
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`,
  );
}
