// The real corpus (../shared/fixtures/agent-configs, read in place): every agent-definition file parses with no
// error finding, and every built-in name it uses resolves against the catalogs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_SOURCE_ADAPTERS } from '../../src/sources/formats/index.js';
import { catalogForAgent } from '../../src/sources/catalogs/index.js';
import { resolveBinding } from '../../src/sources/resolve/resolve-binding.js';
import type { SourceAdapter } from '../../src/sources/kit/types.js';
import { CORPUS_DIR, sourceFile } from './fixture.js';

const ADAPTER_FOR_DIR: Record<string, string> = {
  'claude-agents': 'claude-agents',
  'claude-commands': 'claude-commands',
  'claude-skills': 'claude-skills',
  'claude-settings': 'claude-settings',
  'copilot-agents': 'copilot-agents',
  'copilot-chatmodes': 'copilot-chatmodes',
  'copilot-prompts': 'copilot-prompts',
  'gh-aw-workflows': 'gh-aw-workflows',
};

/** The path each file has in its repository, from the corpus's SOURCES.md table. */
function realPaths(): Map<string, string> {
  const table = readFileSync(join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
  const paths = new Map<string, string>();
  for (const match of table.matchAll(/^\| `([^`]+)` \| [^|]+ \| `([^`]+)` \|/gmu))
    paths.set(match[1]!, match[2]!);
  return paths;
}

interface CorpusFile {
  name: string;
  adapter: SourceAdapter;
  path: string;
  text: string;
}

function corpus(): CorpusFile[] {
  const paths = realPaths();
  const files: CorpusFile[] = [];
  for (const [dir, adapterId] of Object.entries(ADAPTER_FOR_DIR)) {
    const adapter = AGENT_SOURCE_ADAPTERS.find((candidate) => candidate.id === adapterId)!;
    for (const entry of readdirSync(join(CORPUS_DIR, dir)).sort()) {
      const name = `${dir}/${entry}`;
      const path = paths.get(name);
      if (path === undefined) throw new Error(`${name} is not in SOURCES.md`);
      files.push({ name, adapter, path, text: readFileSync(join(CORPUS_DIR, name), 'utf8') });
    }
  }
  return files;
}

const FILES = corpus();

/**
 * Names the corpus uses that no built-in catalog has, each for a reason: MCP tools and servers the repository's
 * users configure outside these files. They stay unknown (a finding) until a source declares the server.
 */
const GITHUB_MCP =
  'a tool of the GitHub MCP server, which the chat mode or prompt user configures in their own client';
const NOT_BUILT_IN: Record<string, string> = {
  'Azure MCP/bicepschema':
    'a tool of the "Azure MCP" server (a VS Code server id with a space), configured by the user',
  'Azure MCP/documentation': 'as above',
  'Azure MCP/extension_cli_generate': 'as above',
  'Azure MCP/get_bestpractices': 'as above',
  add_issue_comment: GITHUB_MCP,
  create_issue: GITHUB_MCP,
  create_issue_comment: GITHUB_MCP,
  delete_issue: GITHUB_MCP,
  get_issue: GITHUB_MCP,
  list_issues: GITHUB_MCP,
  search_issues: GITHUB_MCP,
  update_issue: GITHUB_MCP,
  mcp__spotlight__get_errors:
    "the Spotlight server of the user's own Claude Code config (not in the repository's .mcp.json)",
  mcp__spotlight__get_local_errors: 'as above',
  terminalCommand:
    'not a VS Code tool id (VS Code ignores it): a real unknown, suggested as terminalLastCommand',
  'upstash/context7/*': 'the Context7 MCP server under its registry name, configured by the user',
};

/** Servers the same repositories declare in files part 1 reads: getsentry/sentry-mcp's `.mcp.json`. */
function corpusServers(): { name: string }[] {
  const config = JSON.parse(
    readFileSync(join(CORPUS_DIR, 'mcp-json/getsentry__sentry-mcp__.mcp.json'), 'utf8'),
  ) as {
    mcpServers: Record<string, unknown>;
  };
  return Object.keys(config.mcpServers).map((name) => ({ name }));
}

describe('the real corpus of agent-definition files', () => {
  it('holds files of every agent-definition format', () => {
    expect(new Set(FILES.map((file) => file.adapter.id))).toEqual(new Set(Object.values(ADAPTER_FOR_DIR)));
    expect(FILES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(FILES.map((file) => [file.name, file] as const))(
    '%s parses with no error finding',
    (_name, file) => {
      const model = file.adapter.parse(sourceFile(file.path, file.text));
      expect(model.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      if (file.adapter.id !== 'claude-settings') expect(model.agents).toHaveLength(1);
    },
  );

  it('resolves every built-in name the corpus binds or names in a rule', () => {
    const unknown = new Map<string, string>();
    for (const file of FILES) {
      const model = file.adapter.parse(sourceFile(file.path, file.text));
      const names = [
        ...model.agents.flatMap((agent) => (agent.tools ?? []).map((name) => [agent.id, name] as const)),
        ...model.permissions
          .filter((rule) => !rule.rule.includes('='))
          .map((rule) => [rule.scope, rule.rule] as const),
      ];
      for (const [agent, name] of names) {
        const catalog = catalogForAgent(agent)!;
        const resolution = resolveBinding(name, { catalog, servers: [...model.servers, ...corpusServers()] });
        if (resolution.kind === 'unknown') unknown.set(name, resolution.suggestion ?? '');
      }
    }
    expect(unknown.get('terminalCommand')).toBe('terminalLastCommand');
    expect(
      Object.fromEntries(
        [...unknown.keys()].sort().map((name) => [name, NOT_BUILT_IN[name] ?? 'UNEXPLAINED']),
      ),
    ).toEqual(NOT_BUILT_IN);
  });
});

describe('real shapes read as their clients read them', () => {
  const parse = (name: string) => {
    const file = FILES.find((candidate) => candidate.name === name)!;
    return file.adapter.parse(sourceFile(file.path, file.text));
  };

  it('a plugin subagent without tools inherits every tool; legacy names and flow lists stay as written', () => {
    expect(
      parse('claude-agents/anthropics__claude-code__plugins__pr-review-toolkit__agents__code-reviewer.md')
        .agents[0]!.tools,
    ).toEqual(['*']);
    expect(
      parse('claude-agents/anthropics__claude-code-action__.claude__agents__security-code-reviewer.md')
        .agents[0]!.tools,
    ).toEqual(['Glob', 'Grep', 'Read', 'WebFetch', 'TodoWrite', 'WebSearch', 'BashOutput', 'KillBash']);
    expect(
      parse('claude-agents/anthropics__claude-code__plugins__hookify__agents__conversation-analyzer.md')
        .agents[0]!.tools,
    ).toEqual(['Read', 'Grep']);
  });

  it('skills: space separated, block list, names with spaces; a command without allowed-tools grants nothing new', () => {
    expect(
      parse('claude-skills/github__awesome-copilot__skills__make-repo-contribution__SKILL.md').agents[0]!
        .tools,
    ).toEqual(['Read', 'Edit', 'Bash(git:*)', 'Bash(gh issue:*)', 'Bash(gh pr:*)']);
    expect(
      parse('claude-skills/github__awesome-copilot__skills__qdrant-monitoring__SKILL.md').agents[0]!.tools,
    ).toEqual(['Read', 'Grep', 'Glob']);
    expect(
      parse('claude-skills/github__awesome-copilot__skills__azure-role-selector__SKILL.md').agents[0]!.tools,
    ).toContain('Azure MCP/documentation');
    expect(
      parse('claude-commands/humanlayer__humanlayer__.claude__commands__create_plan.md').agents[0]!.tools,
    ).toEqual([]);
  });

  it('settings: rules as written and gated settings', () => {
    const rules = parse('claude-settings/getsentry__sentry-mcp__.claude__settings.json').permissions.map(
      (rule) => `${rule.effect} ${rule.rule}`,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'allow Bash(git push:*)',
        'allow WebFetch(domain:mcp.sentry.dev)',
        'allow mcp__sentry__whoami',
        'allow enableAllProjectMcpServers=true',
        'allow enabledMcpjsonServers=sentry',
        'allow enabledPlugins=dex@dex',
      ]),
    );
    const hooks = parse('claude-settings/anthropics__claude-code-action__.claude__settings.json').permissions;
    expect(hooks.map((rule) => rule.rule)).toEqual([
      'hooks.PostToolUse[Edit|Write|MultiEdit]=bunx prettier@3.5.3 --no-config --write .',
    ]);
  });

  it('a Copilot agent without tools but with an mcp-servers block binds every tool and declares the server', () => {
    const model = parse('copilot-agents/github__awesome-copilot__agents__apify-integration-expert.agent.md');
    expect(model.agents[0]!.tools).toEqual(['*']);
    expect(model.servers).toEqual([
      expect.objectContaining({
        name: 'apify',
        egress: ['mcp.apify.com'],
        transport: expect.objectContaining({ type: 'http', url: 'https://mcp.apify.com' }),
      }),
    ]);
    // Content-Type is compared (its value too) but is no credential
    expect(model.servers[0]!.credentials.map((credential) => credential.name)).toEqual(['Authorization']);
  });
});
