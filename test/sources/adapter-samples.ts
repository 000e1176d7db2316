// One small file per source adapter, in the shape its client writes, with room for a key at the top level and one
// inside an entry (a server, a plugin, a mode, a hook): the registry-wide tests of the residual rule use them.
export const TOP = 'zzUnheardTop';
export const INNER = 'zzUnheardInner';

export type Extra = Record<string, unknown>;
export interface Sample {
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

export const SAMPLES: Record<string, Sample> = {
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
