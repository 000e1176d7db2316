import { createMcpServersAdapter } from '../kit/mcp-servers-json.js';

/** Claude Desktop's config, committed as an example users copy: its servers are authority all the same. */
export const claudeDesktopConfigAdapter = createMcpServersAdapter({
  id: 'claude-desktop-config',
  defaultPaths: ['**/claude_desktop_config.json'],
  dialect: { envKey: 'env', urlType: 'http' },
  bareMap: false,
});
