// The repository of a published MCP server: its code, its registry entry (`server.json`), a Claude Code plugin
// and marketplace that install it, a Codex config for working on it, and a development `.mcp.json`.
import type { Files, Shape } from '../shape.js';
import { json } from '../shape.js';

const serverJson = (description: string, version: string) =>
  json({
    $schema: 'https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json',
    name: 'io.example/weather',
    description,
    version,
    packages: [
      {
        registryType: 'npm',
        identifier: '@example/weather-mcp',
        version,
        transport: { type: 'stdio' },
        environmentVariables: [{ name: 'WEATHER_API_KEY', isSecret: true, isRequired: true }],
      },
    ],
  });

const plugin = (description: string, version = '1.4.0') =>
  json({
    name: 'weather',
    description,
    version,
    author: { name: 'Example Weather' },
    mcpServers: {
      weather: {
        command: 'npx',
        args: ['-y', `@example/weather-mcp@${version}`],
        env: { WEATHER_API_KEY: '${WEATHER_API_KEY}' },
      },
    },
  });

const codex = (sandbox: string) =>
  [
    'model = "o4-mini"',
    `sandbox_mode = "${sandbox}"`,
    'approval_policy = "on-request"',
    '',
    '[mcp_servers.weather-dev]',
    'command = "node"',
    'args = ["dist/index.js"]',
    '',
  ].join('\n');

const FILES: Files = {
  'package.json': json({
    name: '@example/weather-mcp',
    version: '1.4.0',
    bin: { 'weather-mcp': 'dist/index.js' },
  }),
  'src/index.ts': "// the server: forecast and alerts tools\nexport const TOOLS = ['forecast', 'alerts'];\n",
  'README.md': '# Weather MCP\n\nForecasts and alerts as MCP tools.\n',
  'server.json': serverJson('Forecasts and weather alerts for any place', '1.4.0'),
  '.claude-plugin/plugin.json': plugin('Weather forecasts inside Claude Code'),
  '.claude-plugin/marketplace.json': json({
    name: 'example-weather',
    owner: { name: 'Example Weather' },
    plugins: [{ name: 'weather', source: './', description: 'Forecasts and alerts' }],
  }),
  '.codex/config.toml': codex('workspace-write'),
  '.mcp.json': json({ mcpServers: { 'weather-dev': { command: 'node', args: ['dist/index.js'] } } }),
};

export const MCP_SERVER: Shape = {
  name: 'mcp server with plugins and codex config',
  files: FILES,
  prs: [
    {
      title: 'Registry description mentions alerts first',
      files: { 'server.json': serverJson('Weather alerts and forecasts for any place', '1.4.0') },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Plugin description says what it adds',
      files: { '.claude-plugin/plugin.json': plugin('Adds forecast and alert tools to Claude Code') },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Codex works read-only in this repository',
      files: { '.codex/config.toml': codex('read-only') },
      // a narrowing: revocations wait for nobody
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'README documents the alerts tool',
      files: {
        'README.md': '# Weather MCP\n\nForecasts and alerts as MCP tools. `alerts` takes a region.\n',
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Release 1.5.0',
      files: {
        'package.json': json({
          name: '@example/weather-mcp',
          version: '1.5.0',
          bin: { 'weather-mcp': 'dist/index.js' },
        }),
        'server.json': serverJson('Forecasts and weather alerts for any place', '1.5.0'),
        '.claude-plugin/plugin.json': plugin('Weather forecasts inside Claude Code', '1.5.0'),
      },
      // The plugin now starts other code, and that code is handed WEATHER_API_KEY: an unscoped credential makes the
      // server privileged, so two sign-offs; no agent gains a path.
      expected: { signoffs: 2, paths: 0 },
    },
  ],
};
