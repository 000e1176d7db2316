import type { JsonSchema } from './common.js';
import { configSchema } from './config.js';
import { evalResultsSchema } from './eval-results.js';
import { intentSchema } from './intent.js';
import { manifestSchema } from './manifest.js';
import { mcpServerSchema } from './mcp-server.js';
import { promptSchema } from './prompt.js';
import { releaseSchema } from './release.js';

export type { JsonSchema } from './common.js';
export { configSchema } from './config.js';
export { evalResultsSchema } from './eval-results.js';
export { intentSchema } from './intent.js';
export { manifestSchema } from './manifest.js';
export { mcpServerSchema } from './mcp-server.js';
export { promptSchema } from './prompt.js';
export { releaseSchema } from './release.js';
export { toolSchema } from './tool.js';

export const SCHEMA_NAMES = [
  'tool',
  'prompt',
  'config',
  'intent',
  'mcp-server',
  'eval-results',
  'release',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** The published schemas: `agentgate schema <name>` prints one, `dist/schemas/<name>.json` ships each. */
export const SCHEMAS: Readonly<Record<SchemaName, JsonSchema>> = {
  tool: manifestSchema,
  prompt: promptSchema,
  config: configSchema,
  intent: intentSchema,
  'mcp-server': mcpServerSchema,
  'eval-results': evalResultsSchema,
  release: releaseSchema,
};

export function isSchemaName(name: string): name is SchemaName {
  return (SCHEMA_NAMES as readonly string[]).includes(name);
}
