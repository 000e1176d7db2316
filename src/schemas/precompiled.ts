import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { ValidatorName } from './validator-specs.js';

/**
 * The validators generated at build time (scripts/build-validators.mjs) as ajv standalone code: compiling the
 * schemas at run time costs more than the rest of a small `agentgate diff`. Absent when running from source,
 * where the caller compiles instead.
 */
export function loadPrecompiledValidators(): Record<ValidatorName, ValidateFunction> | null {
  try {
    const require = createRequire(import.meta.url);
    return require('./validators.standalone.cjs') as Record<ValidatorName, ValidateFunction>;
  } catch {
    return null;
  }
}
