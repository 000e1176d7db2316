// The validators agentgate uses, one place for both the runtime compile and the build-time standalone code, so
// that the two can never disagree on a schema or an option.
import type { Options } from 'ajv';
import { embedSchema, SCHEMA_ID_BASE } from './common.js';
import { configSchema } from './config.js';
import { intentSchema } from './intent.js';
import { mcpServerSchema } from './mcp-server.js';
import { promptSchema } from './prompt.js';
import { toolSchema } from './tool.js';

export type ValidatorName = 'tool' | 'mcpServer' | 'promptFrontMatter' | 'promptYaml' | 'config' | 'intent';

export const AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  logger: false,
};

export const AJV_FORMATS = ['date', 'date-time', 'uri'] as const;

/** Each schema with a distinct `$id`, as standalone code needs one per export. */
export const VALIDATOR_SCHEMAS: Record<ValidatorName, object> = {
  tool: toolSchema,
  mcpServer: mcpServerSchema,
  promptFrontMatter: promptSchema,
  promptYaml: {
    ...embedSchema(promptSchema),
    $id: `${SCHEMA_ID_BASE}prompt-yaml.json`,
    required: ['template'],
  },
  config: configSchema,
  intent: intentSchema,
};
