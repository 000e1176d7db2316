// Generates dist/schemas/validators.standalone.cjs: ajv standalone code for every validator, so that the CLI
// does not compile schemas at start-up. Runs after tsc, from the compiled specs.
import { writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { AJV_FORMATS, AJV_OPTIONS, VALIDATOR_SCHEMAS } from '../dist/schemas/validator-specs.js';

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: false } });
addFormatsModule.default(ajv, [...AJV_FORMATS]);
const refs = {};
for (const [name, schema] of Object.entries(VALIDATOR_SCHEMAS)) {
  ajv.addSchema(schema);
  refs[name] = schema.$id;
}
const code = standaloneModule.default(ajv, refs);
writeFileSync(new URL('../dist/schemas/validators.standalone.cjs', import.meta.url), code);
