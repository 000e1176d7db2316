// Kiro's `.kiro/settings/mcp.json`: `mcpServers` entries with `autoApprove` (tools that run with no prompt),
// `disabledTools` (narrows the server) and `disabled`.
import { createMcpClientAdapter } from '../kit/mcp-client-file.js';

export const kiroMcpJsonAdapter = createMcpClientAdapter(
  'kiro-mcp-json',
  'kiro',
  ['.kiro/settings/mcp.json'],
  {
    envKey: 'env',
    urlType: 'http',
    denyKeys: ['disabledTools'],
  },
);
