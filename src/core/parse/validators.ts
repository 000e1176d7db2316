// ajv validators, compiled once per process and only when first needed (command startup stays fast).
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  configSchema,
  intentSchema,
  mcpServerSchema,
  promptSchema,
  toolSchema,
} from '../../schemas/index.js';
import { embedSchema } from '../../schemas/common.js';

export interface Validators {
  tool: ValidateFunction;
  mcpServer: ValidateFunction;
  promptFrontMatter: ValidateFunction;
  promptYaml: ValidateFunction;
  config: ValidateFunction;
  intent: ValidateFunction;
}

let validators: Validators | undefined;

export function getValidators(): Validators {
  if (validators) return validators;
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    logger: false,
  });
  addFormatsModule.default(ajv, ['date', 'date-time', 'uri']);
  validators = {
    tool: ajv.compile(toolSchema),
    mcpServer: ajv.compile(mcpServerSchema),
    promptFrontMatter: ajv.compile(promptSchema),
    promptYaml: ajv.compile({ ...embedSchema(promptSchema), required: ['template'] }),
    config: ajv.compile(configSchema),
    intent: ajv.compile(intentSchema),
  };
  return validators;
}

export type { ErrorObject };
