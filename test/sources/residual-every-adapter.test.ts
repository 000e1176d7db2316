import { describe, expect, it } from 'vitest';
import type { Finding, PermissionRule } from '../../src/model/types.js';
import { ALL_SOURCE_ADAPTERS, createSourceLookup } from '../../src/sources/lookup.js';

// Nothing unread, for every adapter the product registers: a key no adapter models, at the top level of a file and
// inside one of its entries (a server, a plugin, a mode, a hook), becomes a residual `key=value` rule with an
// `unknown-authority-key` finding, found through the same lookup the gate uses.

const TOP = 'zzUnheardTop';
const INNER = 'zzUnheardInner';

type Extra = Record<string, unknown>;
interface Sample {
  path: string;
  /** false for a file with no entries: its top level is all there is (a prompt file's front matter) */
  entries?: false;
  /** the file with `top` merged at its top level and `inner` into one entry */
  text(top: Extra, inner: Extra): string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const yamlPairs = (extra: Extra, indent: string) =>
  Object.entries(extra)
    .map(([key, value]) => `${indent}${key}: ${JSON.stringify(value)}\n`)
    .join('');
const tomlPairs = (extra: Extra) =>
  Object.entries(extra)
    .map(([key, value]) => `${key} = ${JSON.stringify(value)}\n`)
    .join('');
const stdio = (inner: Extra) => ({ command: 'npx', args: ['-y', 'srv-mcp@1.0.0'], ...inner });
const mcpFile = (path: string, key = 'mcpServers'): Sample => ({
  path,
  text: (top, inner) => json({ [key]: { srv: stdio(inner) }, ...top }),
});
const frontMatter = (path: string, entry: 'mcpServers' | 'mcp-servers' | 'hooks' | 'none'): Sample => ({
  path,
  ...(entry === 'none' && { entries: false as const }),
  text: (top, inner) =>
    `---\nname: helper\ndescription: helps\n${yamlPairs(top, '')}` +
    (entry === 'mcpServers' || entry === 'mcp-servers'
      ? `${entry}:\n  srv:\n    command: npx\n${yamlPairs(inner, '    ')}`
      : entry === 'hooks'
        ? 'hooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n        - type: command\n' +
          `          command: ./check.sh\n${yamlPairs(inner, '          ')}`
        : '') +
    '---\nDo the work.\n',
});
const hooksFile = (path: string, flat: boolean): Sample => ({
  path,
  text: (top, inner) =>
    json({
      ...(flat && { version: 1 }),
      hooks: flat
        ? { beforeShellExecution: [{ command: './hooks/check.sh', ...inner }] }
        : {
            PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './check.sh', ...inner }] }],
          },
      ...top,
    }),
});

const SAMPLES: Record<string, Sample> = {
  'mcp-json': mcpFile('.mcp.json'),
  'copilot-mcp-json': mcpFile('mcp.json'),
  'cursor-mcp-json': mcpFile('.cursor/mcp.json'),
  'claude-desktop-config': mcpFile('claude_desktop_config.json'),
  'vscode-mcp-json': mcpFile('.vscode/mcp.json', 'servers'),
  'gemini-settings': mcpFile('.gemini/settings.json'),
  'kiro-mcp-json': mcpFile('.kiro/settings/mcp.json'),
  'roo-mcp-json': mcpFile('.roo/mcp.json'),
  'codex-config-toml': {
    path: '.codex/config.toml',
    text: (top, inner) => `${tomlPairs(top)}[mcp_servers.srv]\ncommand = "npx"\n${tomlPairs(inner)}`,
  },
  'opencode-json': {
    path: 'opencode.json',
    text: (top, inner) =>
      json({ mcp: { srv: { type: 'local', command: ['npx', 'srv'], ...inner } }, ...top }),
  },
  'mcp-server-json': {
    path: 'server.json',
    text: (top, inner) =>
      json({
        name: 'io.example/srv',
        version: '1.0.0',
        packages: [{ registryType: 'npm', identifier: 'srv-mcp', version: '1.0.0', ...inner }],
        ...top,
      }),
  },
  'continue-mcp-yaml': {
    path: '.continue/config.yaml',
    text: (top, inner) =>
      `name: cfg\n${yamlPairs(top, '')}mcpServers:\n  - name: srv\n    command: npx\n${yamlPairs(inner, '    ')}`,
  },
  'claude-agents': frontMatter('.claude/agents/helper.md', 'mcpServers'),
  'claude-commands': frontMatter('.claude/commands/helper.md', 'hooks'),
  'claude-skills': frontMatter('.claude/skills/helper/SKILL.md', 'hooks'),
  'copilot-agents': frontMatter('.github/agents/helper.agent.md', 'mcp-servers'),
  'copilot-chatmodes': frontMatter('.github/chatmodes/helper.chatmode.md', 'mcp-servers'),
  'copilot-prompts': frontMatter('.github/prompts/helper.prompt.md', 'none'),
  'gh-aw-workflows': {
    path: '.github/workflows/helper.md',
    text: (top, inner) =>
      `---\non: issues\n${yamlPairs(top, '')}mcp-servers:\n  srv:\n    command: npx\n${yamlPairs(inner, '    ')}---\nTriage.\n`,
  },
  'claude-settings': {
    path: '.claude/settings.json',
    text: (top, inner) => json({ permissions: { allow: ['Bash(ls)'], ...inner }, ...top }),
  },
  'claude-plugin-hooks': hooksFile('plugins/p/hooks/hooks.json', false),
  'cursor-hooks': hooksFile('.cursor/hooks.json', true),
  'copilot-hooks': hooksFile('.github/hooks/checks.json', true),
  'windsurf-hooks': hooksFile('.windsurf/hooks.json', true),
  'kiro-hooks': {
    path: '.kiro/hooks/lint.kiro.hook',
    text: (top, inner) =>
      json({
        name: 'lint',
        when: { type: 'fileEdited', patterns: ['*.ts'] },
        then: { type: 'runCommand', command: 'npm run lint', ...inner },
        ...top,
      }),
  },
  'claude-plugin': {
    path: 'plugins/p/.claude-plugin/plugin.json',
    text: (top, inner) => json({ name: 'p', mcpServers: { srv: stdio(inner) }, ...top }),
  },
  'claude-marketplace': {
    path: '.claude-plugin/marketplace.json',
    text: (top, inner) =>
      json({
        name: 'm',
        owner: { name: 'o' },
        plugins: [{ name: 'p', source: './plugins/p', ...inner }],
        ...top,
      }),
  },
  'codex-plugin': {
    path: 'plugins/p/.codex-plugin/plugin.json',
    text: (top, inner) =>
      json({
        name: 'p',
        hooks: {
          PreToolUse: [{ matcher: 'shell', hooks: [{ type: 'command', command: './x.sh', ...inner }] }],
        },
        ...top,
      }),
  },
  'vscode-settings': {
    path: '.vscode/settings.json',
    text: (top, inner) =>
      json({
        'editor.fontSize': 14,
        'chat.tools.autoApprove': false,
        mcp: { servers: { srv: stdio(inner) } },
        ...Object.fromEntries(Object.entries(top).map(([key, value]) => [`chat.${key}`, value])),
      }),
  },
  'cursor-cli': {
    path: '.cursor/cli.json',
    text: (top, inner) =>
      json({ version: 1, permissions: { allow: ['Shell(ls)'], deny: [], ...inner }, ...top }),
  },
  'codex-agents': {
    path: '.codex/agents/helper.toml',
    text: (top, inner) =>
      `name = "helper"\nsandbox_mode = "read-only"\n${tomlPairs(top)}[mcp_servers.srv]\ncommand = "npx"\n${tomlPairs(inner)}`,
  },
  'kiro-agents': {
    path: '.kiro/agents/helper.json',
    text: (top, inner) =>
      json({ name: 'helper', tools: ['read'], mcpServers: { srv: stdio(inner) }, ...top }),
  },
  'roo-modes': {
    path: '.roomodes',
    text: (top, inner) =>
      json({
        customModes: [
          { slug: 'helper', name: 'Helper', roleDefinition: 'helps', groups: ['read'], ...inner },
        ],
        ...top,
      }),
  },
};

/** Sources that hold text alone: no key to leave unread. */
const TEXT_ONLY = new Set(['instructions']);

const lookup = createSourceLookup();

function parse(sample: Sample, top: Extra, inner: Extra) {
  const adapter = lookup(sample.path);
  if (!adapter) throw new Error(`no adapter reads ${sample.path}`);
  return { adapter, model: adapter.parse({ path: sample.path, oid: '0', text: sample.text(top, inner) }) };
}

const residualOf = (rules: PermissionRule[], key: string) =>
  rules.filter((rule) => rule.residual === true && rule.rule.split('=')[0]!.split('.').includes(key));
const findingOf = (findings: Finding[], key: string) =>
  findings.filter((f) => f.code === 'unknown-authority-key' && (f.field ?? '').split('.').includes(key));

describe('the residual rule holds for every registered adapter', () => {
  it('every adapter has a sample here, read by that adapter through the lookup', () => {
    const ids = ALL_SOURCE_ADAPTERS.map((adapter) => adapter.id).filter((id) => !TEXT_ONLY.has(id));
    expect(Object.keys(SAMPLES).sort()).toEqual([...ids].sort());
    for (const [id, sample] of Object.entries(SAMPLES)) expect(lookup(sample.path)?.id, sample.path).toBe(id);
  });

  describe.each(Object.keys(SAMPLES))('%s', (id) => {
    const sample = SAMPLES[id]!;

    it('reads the plain sample with no error and no residual rule for the keys below', () => {
      const { model } = parse(sample, {}, {});
      expect(model.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(residualOf(model.permissions, TOP)).toEqual([]);
      expect(residualOf(model.permissions, INNER)).toEqual([]);
    });

    it('an unknown top-level key is a residual rule with a finding, its value compared', () => {
      const one = parse(sample, { [TOP]: 'first' }, {}).model;
      const two = parse(sample, { [TOP]: 'second' }, {}).model;
      expect(residualOf(one.permissions, TOP)).toHaveLength(1);
      expect(findingOf(one.findings, TOP)).toHaveLength(1);
      expect(residualOf(one.permissions, TOP)[0]!.rule).toMatch(/=first$/);
      expect(residualOf(two.permissions, TOP)[0]!.rule).toMatch(/=second$/);
    });

    it('a secret under an unknown key is shown by its hash, and two secrets still differ', () => {
      const secret = 'ghp_' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa';
      const one = parse(sample, { zzApiToken: secret }, {}).model;
      const two = parse(sample, { zzApiToken: secret.replace('Zx9', 'Qq1') }, {}).model;
      expect(JSON.stringify(one)).not.toContain(secret);
      const shown = (m: typeof one) =>
        m.permissions.find((r) => r.residual && r.rule.includes('zzApiToken'))!.rule;
      expect(shown(one)).toMatch(/=sha256:[0-9a-f]{16}$/);
      expect(shown(two)).not.toBe(shown(one));
    });
  });

  const withEntries = Object.keys(SAMPLES).filter((id) => SAMPLES[id]!.entries !== false);
  describe.each(withEntries)('%s, inside an entry', (id) => {
    const sample = SAMPLES[id]!;

    it('an unknown key inside an entry is a residual rule with a finding', () => {
      const { model } = parse(sample, {}, { [INNER]: 7 });
      expect(residualOf(model.permissions, INNER)).toHaveLength(1);
      expect(residualOf(model.permissions, INNER)[0]!.rule).toMatch(/=7$/);
      expect(findingOf(model.findings, INNER)).toHaveLength(1);
    });
  });
});
