// Roo Code's `.roo/mcp.json`: `mcpServers` entries with `alwaysAllow` (tools auto-approved), `disabled`, and
// `type: streamable-http | sse` remote entries.
import { createMcpClientAdapter } from '../kit/mcp-client-file.js';

export const rooMcpJsonAdapter = createMcpClientAdapter('roo-mcp-json', 'roo', ['.roo/mcp.json'], {
  envKey: 'env',
  urlType: 'http',
});
