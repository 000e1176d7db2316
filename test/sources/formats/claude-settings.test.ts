import { describe, expect, it } from 'vitest';
import { claudeSettingsAdapter } from '../../../src/sources/formats/claude-settings.js';
import { sourceFile } from '../fixture.js';

const parse = (value: unknown, path = '.claude/settings.json') =>
  claudeSettingsAdapter.parse(
    sourceFile(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2)),
  );
const rules = (value: unknown) =>
  parse(value).permissions.map((rule) => `${rule.effect} ${rule.rule} [${rule.tool}]`);

describe('Claude Code settings', () => {
  it('allow, ask and deny rules keep their text and name their tool', () => {
    const model = parse({
      permissions: {
        allow: [
          'Bash(npm run test:*)',
          'Read(./src/**)',
          'WebFetch(domain:docs.example.com)',
          'mcp__github__get_issue',
          'mcp__docs',
        ],
        ask: ['Bash(git push:*)'],
        deny: ['Read(./.env)', 'WebSearch'],
      },
    });
    expect(model.findings).toEqual([]);
    expect(model.agents).toEqual([]);
    expect(model.permissions.map((rule) => [rule.scope, rule.effect, rule.rule, rule.tool])).toEqual([
      ['claude:settings', 'allow', 'Bash(npm run test:*)', 'Bash'],
      ['claude:settings', 'allow', 'Read(./src/**)', 'Read'],
      ['claude:settings', 'allow', 'WebFetch(domain:docs.example.com)', 'WebFetch'],
      ['claude:settings', 'allow', 'mcp__github__get_issue', 'mcp__github__get_issue'],
      ['claude:settings', 'allow', 'mcp__docs', 'mcp__docs'],
      ['claude:settings', 'ask', 'Bash(git push:*)', 'Bash'],
      ['claude:settings', 'deny', 'Read(./.env)', 'Read'],
      ['claude:settings', 'deny', 'WebSearch', 'WebSearch'],
    ]);
  });

  it('each rule has the line it is written on', () => {
    const model = parse(
      '{\n  "permissions": {\n    "allow": [\n      "Bash",\n      "Read"\n    ]\n  }\n}\n',
    );
    expect(model.permissions.map((rule) => rule.source.line)).toEqual([4, 5]);
  });

  it('defaultMode, additionalDirectories and disableBypassPermissionsMode are gated settings', () => {
    expect(
      rules({
        permissions: {
          defaultMode: 'bypassPermissions',
          additionalDirectories: ['../docs'],
          disableBypassPermissionsMode: 'disable',
        },
      }),
    ).toEqual([
      'allow defaultMode=bypassPermissions [defaultMode]',
      'allow additionalDirectories=../docs [additionalDirectories]',
      'deny disableBypassPermissionsMode=disable [disableBypassPermissionsMode]',
    ]);
  });

  it('MCP server approval: enableAllProjectMcpServers true allows, false denies; per-name lists', () => {
    expect(
      rules({
        enableAllProjectMcpServers: true,
        enabledMcpjsonServers: ['sentry', 'docs'],
        disabledMcpjsonServers: ['shell'],
      }),
    ).toEqual([
      'allow enableAllProjectMcpServers=true [enableAllProjectMcpServers]',
      'allow enabledMcpjsonServers=sentry [enabledMcpjsonServers]',
      'allow enabledMcpjsonServers=docs [enabledMcpjsonServers]',
      'deny disabledMcpjsonServers=shell [disabledMcpjsonServers]',
    ]);
    expect(rules({ enableAllProjectMcpServers: false })).toEqual([
      'deny enableAllProjectMcpServers=false [enableAllProjectMcpServers]',
    ]);
  });

  it('every hook command is a rule of its own, by event and matcher', () => {
    const hooks = {
      PreToolUse: [
        {
          matcher: 'Bash',
          hooks: [
            { type: 'command', command: './guard.sh' },
            { type: 'command', command: './log.sh' },
          ],
        },
      ],
      Stop: [{ hooks: [{ type: 'command', command: 'notify' }] }],
    };
    expect(rules({ hooks })).toEqual([
      'allow hooks.PreToolUse[Bash]=./guard.sh [hooks]',
      'allow hooks.PreToolUse[Bash]=./log.sh [hooks]',
      'allow hooks.Stop[*]=notify [hooks]',
    ]);
  });

  it('env names are rules; a secret-looking value is never shown, yet a changed one changes the rule', () => {
    const one = rules({ env: { MAX_THINKING_TOKENS: '32000', ANTHROPIC_API_KEY: 'sk-live-123' } });
    expect(one[0]).toBe('allow env.MAX_THINKING_TOKENS=32000 [env]');
    expect(one[1]).toMatch(/^allow env\.ANTHROPIC_API_KEY=sha256:[0-9a-f]{16} \[env\]$/);
    expect(one.join('\n')).not.toContain('sk-live-123');
    const two = rules({ env: { MAX_THINKING_TOKENS: '32000', ANTHROPIC_API_KEY: 'sk-live-456' } });
    expect(two[1]).not.toBe(one[1]);
    expect(rules({ env: { EDITOR: 'vim' } })).toEqual(['allow env.EDITOR=vim [env]']);
  });

  it('plugins on and off; other known settings as key=value; $schema ignored', () => {
    expect(
      rules({ $schema: 'x', enabledPlugins: { 'a@m': true, 'b@m': false }, apiKeyHelper: './key.sh' }),
    ).toEqual([
      'allow enabledPlugins=a@m [enabledPlugins]',
      'deny enabledPlugins=b@m [enabledPlugins]',
      'allow apiKeyHelper=./key.sh [apiKeyHelper]',
    ]);
  });

  it('an unknown key is kept as a rule with an info finding', () => {
    const model = parse({ permissions: { yolo: true }, superPowers: ['all'] });
    expect(model.findings.map((finding) => [finding.code, finding.severity, finding.field])).toEqual([
      ['unknown-authority-key', 'info', 'permissions.yolo'],
      ['unknown-authority-key', 'info', 'superPowers'],
    ]);
    // a list of names is kept member by member
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['yolo=true', 'superPowers=all']);
  });

  it('a settings.local.json has its own scope', () => {
    expect(
      parse({ permissions: { allow: ['Bash'] } }, '.claude/settings.local.json').permissions[0]!.scope,
    ).toBe('claude:settings.local');
  });

  it.each([
    ['broken JSON', '{"permissions": {', 'source-parse'],
    ['a list at the top', '["Bash"]', 'source-parse'],
    ['rules that are not a list', '{"permissions": {"allow": "Bash"}}', 'source-parse'],
    ['a rule that is a number', '{"permissions": {"allow": [1]}}', 'source-parse'],
    ['permissions as a string', '{"permissions": "all"}', 'source-parse'],
  ])('%s is an error finding, never a throw', (_name, text, code) => {
    const model = parse(text);
    expect(model.findings).toEqual([expect.objectContaining({ severity: 'error', code })]);
  });

  it('a BOM, comments, trailing commas, tabs and a duplicate key (last wins, as JSON.parse) are read', () => {
    const model = parse('\uFEFF{\n\t// shared\n\t"permissions": {"allow": ["Read"], "allow": ["Bash"],},\n}');
    expect(model.findings).toEqual([]);
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['Bash']);
  });

  it('a __proto__ key stays data', () => {
    const model = parse('{"__proto__": {"allow": ["Bash"]}, "permissions": {"allow": ["Read"]}}');
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['__proto__={"allow":["Bash"]}', 'Read']);
    expect(({} as Record<string, unknown>).allow).toBeUndefined();
  });
});
