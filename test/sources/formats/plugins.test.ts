import { describe, expect, it } from 'vitest';
import { claudeMarketplaceAdapter } from '../../../src/sources/formats/claude-marketplace.js';
import { claudePluginAdapter } from '../../../src/sources/formats/claude-plugin.js';
import { codexPluginAdapter } from '../../../src/sources/formats/codex-plugin.js';
import type { SourceAdapter } from '../../../src/sources/kit/types.js';

const parse = (adapter: SourceAdapter, path: string, value: unknown) =>
  adapter.parse({ path, oid: 'x', text: typeof value === 'string' ? value : JSON.stringify(value) });

describe('Claude Code plugin manifests', () => {
  it('reads inline servers, inline hooks, language servers and the component paths it names', () => {
    const model = parse(claudePluginAdapter, 'tools/p/.claude-plugin/plugin.json', {
      name: 'p',
      description: 'inert',
      commands: ['./cmds/'],
      mcpServers: { docs: { type: 'http', url: 'https://docs.example/mcp' } },
      hooks: {
        hooks: { Stop: [{ hooks: [{ type: 'command', command: '${CLAUDE_PLUGIN_ROOT}/stop.sh' }] }] },
      },
      lspServers: { ts: { command: '${CLAUDE_PLUGIN_ROOT}/bin/lsp', args: ['--stdio'] } },
    });
    expect(model.servers.map((server) => [server.name, server.origin])).toEqual([['docs', 'claude-plugin']]);
    expect(model.permissions.map((rule) => rule.rule)).toEqual([
      'commands=./cmds/',
      'hooks.Stop[*]=${CLAUDE_PLUGIN_ROOT}/stop.sh',
      'lspServers.ts={"args":["--stdio"],"command":"${CLAUDE_PLUGIN_ROOT}/bin/lsp"}',
    ]);
    expect(model.executables?.map((file) => file.path).sort()).toEqual([
      'tools/p/bin/lsp',
      'tools/p/cmds/',
      'tools/p/stop.sh',
    ]);
    expect(model.findings).toEqual([]);
  });

  it('keeps keys it does not model, and reads a metadata-only manifest as granting nothing inline', () => {
    const model = parse(claudePluginAdapter, '.claude-plugin/plugin.json', {
      name: 'x',
      userConfig: { k: 1 },
    });
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['userConfig={"k":1}']);
    expect(model.findings.map((finding) => finding.code)).toEqual(['unknown-authority-key']);
    expect(parse(claudePluginAdapter, '.claude-plugin/plugin.json', { name: 'x' }).permissions).toEqual([]);
  });

  it('holds a wrong-typed server map and a file that does not parse', () => {
    const bad = parse(claudePluginAdapter, '.claude-plugin/plugin.json', { mcpServers: 3 });
    expect(bad.findings.map((finding) => [finding.code, finding.severity])).toContainEqual([
      'source-shape',
      'error',
    ]);
    expect(parse(claudePluginAdapter, '.claude-plugin/plugin.json', '{').findings[0]?.code).toBe(
      'source-parse',
    );
  });
});

describe('Claude Code marketplaces', () => {
  it('makes each plugin source a rule, inert keys none, and a twice-listed name an error', () => {
    const model = parse(claudeMarketplaceAdapter, '.claude-plugin/marketplace.json', {
      name: 'm',
      owner: { name: 'o' },
      plugins: [
        { name: 'a', source: './plugins/a', description: 'd', category: 'c' },
        {
          name: 'b',
          source: { source: 'git-subdir', url: 'https://g.example/r.git', path: 'p', sha: 'f'.repeat(40) },
          strict: false,
        },
        { name: 'a', source: './elsewhere' },
      ],
    });
    expect(model.permissions.map((rule) => rule.rule)).toEqual([
      'plugins.a.source=./plugins/a',
      `plugins.b.source={"path":"p","sha":"${'f'.repeat(40)}","source":"git-subdir","url":"https://g.example/r.git"}`,
      'plugins.b.strict=false',
      'plugins.a[2].source=./elsewhere',
    ]);
    expect(model.findings.map((finding) => finding.code)).toEqual(['source-duplicate-key']);
  });

  it('keeps a plugins value of the wrong type as a rule', () => {
    const model = parse(claudeMarketplaceAdapter, '.claude-plugin/marketplace.json', { plugins: 'all' });
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['plugins=all']);
  });
});

describe('Codex plugin manifests', () => {
  it('reads path components, the `mcp` variant, an inline empty hooks map and the interface', () => {
    const model = parse(codexPluginAdapter, 'plugin/.codex-plugin/plugin.json', {
      name: 'x',
      skills: './skills/',
      mcp: './.mcp.json',
      hooks: {},
      interface: { capabilities: ['Read', 'Write'] },
    });
    expect(model.permissions.map((rule) => rule.rule)).toEqual([
      'skills=./skills/',
      'mcp=./.mcp.json',
      'interface.capabilities=Read',
      'interface.capabilities=Write',
    ]);
    expect(model.executables?.map((file) => [file.path, file.radius])).toEqual([
      ['plugin/skills/', 'privileged'],
      ['plugin/.mcp.json', 'irreversible'],
    ]);
  });
});
