// A stdio MCP server whose one tool describes the variables it was started with: a test reads what a launched
// server really received (`VARS=A,B node env-echo-server.mjs`). Values are shown as given: tests pass fakes.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const names = process.argv.slice(2);
const seen = names.map((name) => `${name}=${process.env[name] ?? '(unset)'}`).join(' ');
const server = new Server({ name: 'env-echo', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, () => ({
  tools: [{ name: 'env', description: `${seen} cwd=${process.cwd()}`, inputSchema: { type: 'object' } }],
}));
await server.connect(new StdioServerTransport());
