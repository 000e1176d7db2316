// ajv validators, compiled once per process and only when first needed (command startup stays fast). The
// built package ships them precompiled; from source they are compiled (compile-validators.ts) with the very
// same specs. The bundled CLI replaces compile-validators.ts with a stub, so ajv is never in its path.
import type { ErrorObject } from 'ajv';
import { loadPrecompiledValidators } from '../schemas/precompiled.js';
import { compileLazily } from './compile-validators.js';
import type { Validators } from './compile-validators.js';

export { compileLazily };
export type { Validators };

let validators: Validators | undefined;

export function getValidators(): Validators {
  validators ??= loadPrecompiledValidators() ?? compileLazily();
  return validators;
}

export type { ErrorObject };
