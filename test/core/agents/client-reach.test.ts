import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { CLIENT_SERVER_ORIGINS, serversOfAgent } from '../../../src/core/agents/client-reach.js';
import { ALL_SOURCE_ADAPTERS } from '../../../src/sources/lookup.js';
import {
  ADAPTERS_OF_NO_CLIENT,
  CLIENT_PROFILES,
  clientOfAdapter,
} from '../../../src/sources/profiles/index.js';
import { diffTrees } from '../../helpers/diff-trees.js';
import { makeServer } from '../../helpers/make-server.js';
import type { Files } from '../../helpers/diff-trees.js';

const copilotAgent = (name: string, front = '') =>
  `---\nname: ${name}\ndescription: helps with ${name}\n${front}---\nYou help with ${name}.\n`;
const claudeAgent = (name: string, tools?: string) =>
  `---\nname: ${name}\ndescription: reviews ${name}\n${tools === undefined ? '' : `tools: ${tools}\n`}---\nReview.\n`;

/** A repository of several clients: every agent binds everything its client gives it. */
const CATALOGUE: Files = {
  '.mcp.json': JSON.stringify({ mcpServers: { notes: { type: 'http', url: 'https://notes.example.org' } } }),
  '.vscode/mcp.json': JSON.stringify({
    servers: { board: { type: 'http', url: 'https://board.example.org' } },
  }),
  '.cursor/mcp.json': JSON.stringify({ mcpServers: { sketch: { url: 'https://sketch.example.org' } } }),
  '.claude/agents/critic.md': claudeAgent('critic'),
  '.claude/agents/reader.md': claudeAgent('reader', 'Read, Grep'),
  '.github/agents/planner.agent.md': copilotAgent('planner'),
  '.github/agents/tester.agent.md': copilotAgent('tester'),
  '.github/agents/writer.agent.md': copilotAgent('writer'),
};

const OWN_SERVER =
  'mcp-servers:\n  fetcher:\n    type: http\n    url: https://fetch.example.net\n    tools: ["*"]\n';

describe('reach per client', () => {
  it('one agent adding its own mcp-servers entry gives paths for that agent only', () => {
    const head = { ...CATALOGUE, '.github/agents/tester.agent.md': copilotAgent('tester', OWN_SERVER) };
    const report = diffTrees(CATALOGUE, head);
    const agents = report.planes.control.flows.added.map((flow) => flow.agent);
    expect(agents.length).toBeGreaterThan(0);
    expect(new Set(agents)).toEqual(new Set(['copilot:agents/tester']));
    expect(report.planes.control.flows.added.every((flow) => flow.unattributed === undefined)).toBe(true);
    expect(report.planes.control.flows.added.flatMap((f) => [...f.sources, ...f.sinks])).toContain(
      'fetcher/*',
    );
  });

  it("a server added to one client's config reaches that client's agents, never another client's", () => {
    const head = {
      ...CATALOGUE,
      '.cursor/mcp.json': JSON.stringify({
        mcpServers: { sketch: { url: 'https://sketch.example.org' }, shell: { command: 'bash' } },
      }),
      '.mcp.json': JSON.stringify({
        mcpServers: {
          notes: { type: 'http', url: 'https://notes.example.org' },
          pager: { type: 'http', url: 'https://pager.example.org' },
        },
      }),
    };
    const added = diffTrees(CATALOGUE, head).planes.control.flows.added;
    // cursor has no agent here; `.mcp.json` is Claude Code's: only the Claude agent binding everything gains
    expect(new Set(added.map((flow) => flow.agent))).toEqual(new Set(['claude:agents/critic']));
    expect(added.flatMap((flow) => [...flow.sources, ...flow.sinks])).not.toContain('shell/*');
  });

  it('a binding naming a server only another client declares is kept, and its path marked unattributed', () => {
    const head = { ...CATALOGUE, '.claude/agents/reader.md': claudeAgent('reader', 'Read, board/*') };
    const report = diffTrees(CATALOGUE, head);
    const flow = report.planes.control.flows.added.find((f) => f.agent === 'claude:agents/reader');
    expect(flow?.unattributed).toEqual(['board/*']);
    expect(report.findings.map((f) => f.code)).not.toContain('unknown-tool-binding');
  });

  it("a gh-aw workflow reaches its own mcp-servers, not another workflow's nor the project's", () => {
    const workflow = (name: string, servers = '') =>
      `---\non: issues\npermissions: read-all\n${servers}---\nTriage ${name}.\n`;
    const base = {
      ...CATALOGUE,
      '.github/workflows/one.md': workflow('one'),
      '.github/workflows/two.md': workflow('two'),
    };
    const head = {
      ...base,
      '.github/workflows/one.md': workflow(
        'one',
        'mcp-servers:\n  crawler:\n    url: https://crawl.example.net\n    allowed: ["*"]\n',
      ),
    };
    const added = diffTrees(base, head).planes.control.flows.added;
    expect(new Set(added.map((flow) => flow.agent))).toEqual(new Set(['gh-aw:workflows/one']));
  });
});

describe('serversOfAgent', () => {
  const files = new Set(['.github/agents/a.agent.md', '.github/agents/b.agent.md']);
  const own = makeServer({
    name: 'own',
    origin: 'copilot-agents',
    source: { path: '.github/agents/a.agent.md', line: 3 },
  });
  const other = makeServer({
    name: 'other',
    origin: 'copilot-agents',
    source: { path: '.github/agents/b.agent.md', line: 3 },
  });
  const project = makeServer({
    name: 'vs',
    origin: 'vscode-mcp-json',
    source: { path: '.vscode/mcp.json', line: 2 },
  });
  const claude = makeServer({ name: 'cc', origin: 'mcp-json', source: { path: '.mcp.json', line: 2 } });
  const strange = makeServer({
    name: 'odd',
    origin: 'some-new-client',
    source: { path: 'x/odd.json', line: 1 },
  });
  const manifest = makeServer({ name: 'files' });
  const all = [own, other, project, claude, strange, manifest];

  it('splits what binding everything reaches, what a name may reach, and what lies elsewhere', () => {
    const reach = serversOfAgent(
      { id: 'copilot:agents/a', paths: new Set(['.github/agents/a.agent.md']) },
      all,
      files,
    );
    expect(reach.all.map((s) => s.name)).toEqual(['own', 'vs', 'odd']);
    expect(reach.named.map((s) => s.name)).toEqual(['own', 'vs', 'odd', 'files']);
    expect(reach.elsewhere.map((s) => s.name)).toEqual(['other', 'cc']);
    expect([...reach.unattributed]).toEqual(['odd']);
  });

  it('an agent of a client with no profile reaches every project server, unattributed (fail closed)', () => {
    const reach = serversOfAgent({ id: 'newclient:agents/z', paths: new Set(['z.md']) }, all, files);
    expect(reach.all.map((s) => s.name)).toEqual(['vs', 'cc', 'odd']);
    expect([...reach.unattributed].sort()).toEqual(['cc', 'odd', 'vs']);
  });

  it('a registry prompt (no client) is given the whole registry, attributed', () => {
    const reach = serversOfAgent(
      { id: 'support/system', paths: new Set(['registry/prompts/s.md']) },
      all,
      files,
    );
    expect(reach.named.map((s) => s.name)).toEqual(['vs', 'cc', 'odd', 'files']);
    expect(reach.unattributed.size).toBe(0);
  });

  it('names only real adapters as project configs', () => {
    const ids = new Set(ALL_SOURCE_ADAPTERS.map((adapter) => adapter.id));
    const listed = Object.values(CLIENT_SERVER_ORIGINS).flat();
    expect(listed.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('every adapter has a client', () => {
  it('each registered adapter belongs to exactly one client, or is named as no single client’s', () => {
    for (const adapter of ALL_SOURCE_ADAPTERS) {
      const owners = Object.entries(CLIENT_SERVER_ORIGINS)
        .filter(([, ids]) => ids.includes(adapter.id))
        .map(([client]) => client);
      const none = ADAPTERS_OF_NO_CLIENT.includes(adapter.id);
      expect({ id: adapter.id, owners: owners.length + (none ? 1 : 0) }).toEqual({
        id: adapter.id,
        owners: 1,
      });
      expect(clientOfAdapter(adapter.id)).toBe(none ? undefined : owners[0]);
    }
  });

  it('agent ids name the client of the adapter that reads them', () => {
    const files: Record<string, string> = {
      '.claude/agents/a.md': '---\nname: a\n---\nx\n',
      '.claude/commands/b.md': '---\ndescription: b\n---\nx\n',
      '.claude/skills/c/SKILL.md': '---\nname: c\ndescription: c\n---\nx\n',
      '.github/agents/d.agent.md': '---\nname: d\n---\nx\n',
      '.github/chatmodes/e.chatmode.md': '---\ndescription: e\n---\nx\n',
      '.github/prompts/f.prompt.md': '---\ndescription: f\n---\nx\n',
      '.github/workflows/g.md': '---\non: issues\n---\nx\n',
    };
    for (const [path, text] of Object.entries(files)) {
      const adapter = ALL_SOURCE_ADAPTERS.find(
        (candidate) =>
          candidate.id !== 'instructions' &&
          candidate.defaultPaths.length > 0 &&
          matchesDefault(candidate.defaultPaths, path),
      );
      const model = adapter!.parse({ path, oid: '', text });
      expect(model.agents.map((agent) => agent.id.split(':')[0])).toEqual([clientOfAdapter(adapter!.id)]);
    }
  });

  it('every profile names at least one adapter', () => {
    for (const profile of CLIENT_PROFILES) expect(profile.adapters.length).toBeGreaterThan(0);
  });
});

describe('reach through the newer adapters', () => {
  const claudeAgent = (name: string) => `---\nname: ${name}\ndescription: ${name}\n---\nWork.\n`;
  const BASE: Files = {
    '.claude/agents/critic.md': claudeAgent('critic'),
    '.github/agents/planner.agent.md': '---\nname: planner\ndescription: plans\n---\nPlan.\n',
  };
  const serverIn = (url: string) => ({ mcpServers: { [new URL(url).hostname.split('.')[0]!]: { url } } });

  it.each([
    [
      'a Claude Code plugin',
      'tools/p/.claude-plugin/plugin.json',
      { name: 'p', ...serverIn('https://plug.example.org/mcp') },
      'claude:agents/critic',
    ],
    ['the root mcp.json', 'mcp.json', serverIn('https://dock.example.org/mcp'), 'copilot:agents/planner'],
    [
      'VS Code settings',
      '.vscode/settings.json',
      { mcp: { servers: { vsx: { type: 'http', url: 'https://vsx.example.org/mcp' } } } },
      'copilot:agents/planner',
    ],
  ])("a server of %s reaches its own client's agents only, attributed", (_name, path, value, agent) => {
    const head = { ...BASE, [path]: JSON.stringify(value) };
    const added = diffTrees(BASE, head).planes.control.flows.added;
    expect(added.length).toBeGreaterThan(0);
    expect(new Set(added.map((flow) => flow.agent))).toEqual(new Set([agent]));
    expect(added.every((flow) => flow.unattributed === undefined)).toBe(true);
  });

  it.each([
    ['Kiro', '.kiro/settings/mcp.json'],
    ['Roo', '.roo/mcp.json'],
    ['Cursor', '.cursor/mcp.json'],
    ['Gemini', '.gemini/settings.json'],
    ['a Gemini extension', 'ext/gemini-extension.json'],
    ['a Codex agent', '.codex/agents/helper.toml'],
  ])("a server of %s reaches neither Claude Code's nor Copilot's agents", (_name, path) => {
    const text = path.endsWith('.toml')
      ? 'name = "helper"\n[mcp_servers.shell]\ncommand = "bash"\n'
      : JSON.stringify({ mcpServers: { shell: { command: 'bash' } } });
    const added = diffTrees(BASE, { ...BASE, [path]: text }).planes.control.flows.added;
    // a Codex agent file is itself an agent: its own server is its own, and nobody else's
    const own = path.endsWith('.toml') ? 'codex:agents/helper' : undefined;
    expect(added.filter((flow) => flow.agent !== own)).toEqual([]);
    if (own) expect(added.map((flow) => flow.agent)).toContain(own);
  });
});

function matchesDefault(globs: readonly string[], path: string): boolean {
  return picomatch([...globs], { dot: true })(path);
}
