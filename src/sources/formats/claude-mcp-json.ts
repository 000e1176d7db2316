import { createMcpServersAdapter } from '../kit/mcp-servers-json.js';

/**
 * Claude Code's project `.mcp.json` (and a plugin's, which may drop the `mcpServers` wrapper). Claude Code reads
 * no per-server tool list here: restriction lives in permission rules, so no list narrows these servers.
 */
export const claudeMcpJsonAdapter = createMcpServersAdapter({
  id: 'mcp-json',
  defaultPaths: ['.mcp.json', '**/.mcp.json'],
  dialect: { envKey: 'env', urlType: 'http' },
  bareMap: true,
});
