import { createMcpServersAdapter } from '../kit/mcp-servers-json.js';

/** Cursor's `.cursor/mcp.json`: remote entries are usually a bare `url`, with no `type`. */
export const cursorMcpJsonAdapter = createMcpServersAdapter({
  id: 'cursor-mcp-json',
  defaultPaths: ['.cursor/mcp.json'],
  dialect: { envKey: 'env', urlType: 'http' },
  bareMap: false,
});
