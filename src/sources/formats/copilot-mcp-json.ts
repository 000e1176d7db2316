import { createMcpServersAdapter } from '../kit/mcp-servers-json.js';

/** Copilot CLI's root `mcp.json`: `type: local` means stdio, and the per-server `tools` list is an allowlist. */
export const copilotMcpJsonAdapter = createMcpServersAdapter({
  id: 'copilot-mcp-json',
  defaultPaths: ['mcp.json'],
  dialect: { envKey: 'env', urlType: 'http', allowKeys: ['tools'] },
  bareMap: false,
});
