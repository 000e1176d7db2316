import { describe, expect, it } from 'vitest';
import { CLIENT_SERVER_ORIGINS, serversOfAgent } from '../../../src/core/agents/client-reach.js';
import { SOURCE_ADAPTERS, AGENT_SOURCE_ADAPTERS } from '../../../src/sources/formats/index.js';
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
    const ids = new Set([...SOURCE_ADAPTERS, ...AGENT_SOURCE_ADAPTERS].map((adapter) => adapter.id));
    const listed = Object.values(CLIENT_SERVER_ORIGINS).flat();
    // plugin adapters may not be registered yet: they are the only names allowed ahead of their adapter
    expect(listed.filter((id) => !ids.has(id) && !id.startsWith('claude-plugin'))).toEqual([]);
  });
});
