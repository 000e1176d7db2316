// Compiles the validators with ajv at run time: only when running from source or as a library without the
// generated validators.standalone.cjs. scripts/bundle-cli.mjs swaps this module for a stub, which is what keeps
// ajv (and its start-up cost) out of the CLI.
import type { ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AJV_FORMATS, AJV_OPTIONS, VALIDATOR_SCHEMAS } from '../schemas/validator-specs.js';
import type { ValidatorName } from '../schemas/validator-specs.js';

export type Validators = Record<ValidatorName, ValidateFunction>;

/** Compiles each validator on first use only: `diff` never pays for the intent schema, nor `intent` for config. */
export function compileLazily(): Validators {
  let ajv: Ajv | undefined;
  const cache = new Map<ValidatorName, ValidateFunction>();
  const compile = (name: ValidatorName): ValidateFunction => {
    let compiled = cache.get(name);
    if (!compiled) {
      if (!ajv) {
        ajv = new Ajv(AJV_OPTIONS);
        addFormatsModule.default(ajv, [...AJV_FORMATS]);
      }
      compiled = ajv.compile(VALIDATOR_SCHEMAS[name]);
      cache.set(name, compiled);
    }
    return compiled;
  };
  const out = {} as Validators;
  for (const name of Object.keys(VALIDATOR_SCHEMAS) as ValidatorName[]) {
    Object.defineProperty(out, name, { get: () => compile(name), enumerable: true });
  }
  return out;
}
