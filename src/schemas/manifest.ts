import type { JsonSchema } from './common.js';
import { DRAFT_07, SCHEMA_ID_BASE, embedSchema } from './common.js';
import { mcpServerSchema } from './mcp-server.js';
import { toolSchema } from './tool.js';

/** Any document under registry/tools: `kind: Tool` or `kind: McpServer` (what `agentgate schema tool` prints). */
export const manifestSchema: JsonSchema = {
  $schema: DRAFT_07,
  $id: `${SCHEMA_ID_BASE}tool.json`,
  title: 'agentgate tool manifest',
  description:
    'A document under registry/tools: kind Tool (one tool) or kind McpServer (an MCP server and its tools).',
  oneOf: [embedSchema(toolSchema), embedSchema(mcpServerSchema)],
};
