import { describe, expect, it } from 'vitest';
import { codexAgentsAdapter } from '../../../src/sources/formats/codex-agents.js';
import { cursorCliAdapter } from '../../../src/sources/formats/cursor-cli.js';
import { kiroAgentsAdapter } from '../../../src/sources/formats/kiro-agents.js';
import { kiroMcpJsonAdapter } from '../../../src/sources/formats/kiro-mcp-json.js';
import { rooMcpJsonAdapter } from '../../../src/sources/formats/roo-mcp-json.js';
import { rooModesAdapter } from '../../../src/sources/formats/roo-modes.js';
import { vscodeSettingsAdapter } from '../../../src/sources/formats/vscode-settings.js';
import { ruleRadius } from '../../../src/sources/resolve/rule-radius.js';
import type { SourceAdapter } from '../../../src/sources/kit/types.js';

const parse = (adapter: SourceAdapter, path: string, value: unknown) =>
  adapter.parse({ path, oid: 'x', text: typeof value === 'string' ? value : JSON.stringify(value) });
const rules = (adapter: SourceAdapter, path: string, value: unknown) =>
  parse(adapter, path, value).permissions.map((rule) => `${rule.effect} ${rule.rule}`);

describe('VS Code workspace settings', () => {
  it('reads chat and MCP keys, one rule per map entry, and leaves editor preferences unread', () => {
    const text = `{
      // JSONC
      "editor.fontSize": 14,
      "chat.tools.global.autoApprove": true,
      "chat.tools.terminal.autoApprove": { "npm test": true, "/^rm/": false },
      "mcp": { "servers": { "s": { "command": "node", "args": ["s.js"] } }, "autostart": true },
    }`;
    const model = parse(vscodeSettingsAdapter, '.vscode/settings.json', text);
    expect(model.permissions.map((rule) => `${rule.effect} ${rule.rule}`)).toEqual([
      'allow chat.tools.global.autoApprove=true',
      'allow chat.tools.terminal.autoApprove[npm test]=true',
      'deny chat.tools.terminal.autoApprove[/^rm/]=false',
      'allow mcp.autostart=true',
    ]);
    expect(model.servers.map((server) => server.name)).toEqual(['s']);
    expect(ruleRadius(model.permissions[0]!)).toBe('privileged');
  });
});

describe('Cursor CLI permissions', () => {
  it('reads allow and deny rules as written and keeps unknown keys', () => {
    expect(
      rules(cursorCliAdapter, '.cursor/cli.json', {
        version: 1,
        permissions: { allow: ['Shell(git status)', 3], deny: ['Write(**)'] },
        editor: { vim: true },
      }),
    ).toEqual([
      'allow Shell(git status)',
      'allow permissions.allow=3',
      'deny Write(**)',
      'allow editor={"vim":true}',
    ]);
  });
});

describe('Codex custom agents', () => {
  it('reads config keys as rules, instructions by hash, servers, and inert names', () => {
    const text = `name = "reviewer"\ndescription = "d"\nsandbox_mode = "danger-full-access"\ndeveloper_instructions = """\n${'Review carefully. '.repeat(20)}\n"""\n[mcp_servers.docs]\nurl = "https://d.example/mcp"\n`;
    const model = codexAgentsAdapter.parse({ path: '.codex/agents/reviewer.toml', oid: 'x', text });
    const written = model.permissions.map((rule) => rule.rule);
    expect(written[0]).toBe('sandbox_mode=danger-full-access');
    expect(written[1]).toMatch(/^developer_instructions=\(text of \d+ characters, sha256:[0-9a-f]{16}\)$/);
    expect(model.servers.map((server) => server.name)).toEqual(['docs']);
    expect(
      codexAgentsAdapter.parse({ path: '.codex/agents/x.toml', oid: 'x', text: 'a = = 1' }).findings[0]?.code,
    ).toBe('source-parse');
  });
});

describe('Kiro', () => {
  it('reads an agent: tools and pre-approvals member by member, tool settings, servers and hooks', () => {
    const model = parse(kiroAgentsAdapter, '.kiro/agents/dev.json', {
      name: 'dev',
      tools: ['*'],
      allowedTools: ['fs_read', 'execute_bash'],
      toolsSettings: { execute_bash: { allowedCommands: ['git diff.*'], denyByDefault: true } },
      hooks: { preToolUse: [{ matcher: 'execute_bash', command: './guard.sh' }] },
    });
    expect(model.permissions.map((rule) => rule.rule)).toEqual([
      'tools=*',
      'allowedTools=fs_read',
      'allowedTools=execute_bash',
      'toolsSettings.execute_bash.allowedCommands=git diff.*',
      'toolsSettings.execute_bash.denyByDefault=true',
      'hooks.preToolUse[execute_bash]=./guard.sh',
    ]);
    expect(ruleRadius(model.permissions[1]!)).toBe('privileged');
    expect(model.executables?.map((file) => file.path)).toEqual(['guard.sh']);
  });

  it('reads MCP servers with their auto-approvals as rules', () => {
    const model = parse(kiroMcpJsonAdapter, '.kiro/settings/mcp.json', {
      mcpServers: { aws: { command: 'uvx', args: ['aws@1.0.0'], autoApprove: ['aws_cli'], disabled: false } },
    });
    expect(model.servers.map((server) => server.name)).toEqual(['aws']);
    expect(model.permissions.map((rule) => rule.rule)).toEqual([
      'mcpServers.aws.autoApprove=aws_cli',
      'mcpServers.aws.disabled=false',
    ]);
  });
});

describe('Roo Code', () => {
  it('reads a mode gaining a tool group as one rule, YAML or JSON', () => {
    const yaml =
      'customModes:\n  - slug: docs\n    name: Docs\n    groups:\n      - read\n      - - edit\n        - fileRegex: \\.md$\n      - command\n';
    const model = rooModesAdapter.parse({ path: '.roomodes', oid: 'x', text: yaml });
    expect(model.permissions.map((rule) => rule.rule)).toEqual([
      'customModes.docs.groups=read',
      'customModes.docs.groups=["edit",{"fileRegex":"\\\\.md$"}]',
      'customModes.docs.groups=command',
    ]);
    expect(model.permissions.map((rule) => ruleRadius(rule))).toEqual(['read', 'write', 'privileged']);
    expect(
      rooModesAdapter.parse({ path: '.roomodes', oid: 'x', text: '{"customModes": [' }).findings[0]?.code,
    ).toBe('source-parse');
  });

  it('reads MCP servers with alwaysAllow as rules', () => {
    expect(
      rules(rooMcpJsonAdapter, '.roo/mcp.json', {
        mcpServers: { s: { type: 'streamable-http', url: 'https://s.example/mcp', alwaysAllow: ['a'] } },
      }),
    ).toEqual(['allow mcpServers.s.alwaysAllow=a']);
  });
});
