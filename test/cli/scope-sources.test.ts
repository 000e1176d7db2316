import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScopeView } from '../../src/core/history/scope.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
const scope = (...args: string[]) => runCli(['scope', ...args], { cwd: repo.dir });
const scopeJson = (...args: string[]): ScopeView => {
  const result = scope(...args, '--format', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ScopeView;
};

const TOOL =
  'apiVersion: agentgate/v1\nkind: Tool\nname: read_ticket\neffect: read\nscopes: [tickets:read]\ndescription: Read.\n';

beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

describe('agentgate scope reads the working tree like diff', () => {
  it('lists a manifest written but not committed (it printed "no tools" before)', async () => {
    repo.write('README.md', 'x\n');
    await repo.commit('start');
    repo.write('registry/tools/read.yaml', TOOL);
    const view = scopeJson();
    expect(view.ref).toEqual({ ref: 'working tree', sha: null });
    expect(view.tools.map((t) => t.name)).toEqual(['read_ticket']);
    expect(scope().stdout.split('\n')[0]).toBe('agentgate scope  working tree  1 tool(s): 1 read');
  });

  it('works in a repository with no commit yet', () => {
    repo.write('registry/tools/read.yaml', TOOL);
    expect(scopeJson().tools).toHaveLength(1);
  });

  it('--ref still describes the committed state only', async () => {
    repo.write('README.md', 'x\n');
    const sha = await repo.commit('start');
    repo.write('registry/tools/read.yaml', TOOL);
    const view = scopeJson('--ref', 'HEAD');
    expect(view.ref).toEqual({ ref: 'HEAD', sha });
    expect(view.tools).toEqual([]);
  });
});

describe('agentgate scope shows agents, servers and permission rules of client files', () => {
  beforeEach(() => {
    repo.write(
      '.mcp.json',
      JSON.stringify({
        mcpServers: {
          shell: { command: 'bash', args: ['-c', 'serve'] },
          docs: { type: 'http', url: 'https://docs.example.com/mcp', headers: { Authorization: 'Bearer x' } },
        },
      }),
    );
    repo.write(
      '.claude/agents/web.md',
      '---\nname: web\ntools: WebFetch, Bash, mcp__docs__search\n---\nBrowse.\n',
    );
    repo.write('.claude/agents/reader.md', '---\nname: reader\ntools: Read, Grep\n---\nRead.\n');
    repo.write('.claude/agents/all.md', '---\nname: all\n---\nEverything.\n');
    repo.write('.github/agents/triage.agent.md', "---\ntools: ['search', 'nowhere/*']\n---\nTriage.\n");
    repo.write(
      '.claude/settings.json',
      JSON.stringify({
        permissions: { allow: ['Bash(npm test:*)'], deny: ['WebSearch'] },
        enableAllProjectMcpServers: true,
      }),
    );
  });

  it('every agent with its reachable tools and radius, highest first', () => {
    const view = scopeJson();
    const byId = new Map(view.agents.map((agent) => [agent.id, agent]));
    expect(byId.get('claude:agents/web')).toMatchObject({
      radius: 'privileged',
      tools: [
        { binding: 'WebFetch', kind: 'builtin', radius: 'read' },
        { binding: 'Bash', kind: 'builtin', radius: 'privileged' },
        { binding: 'mcp__docs__search', kind: 'server-tool', target: 'docs/search' },
      ],
    });
    expect(byId.get('claude:agents/reader')).toMatchObject({ radius: 'read', all: false });
    expect(byId.get('claude:agents/all')).toMatchObject({ radius: 'privileged', all: true });
    // an unknown binding is held high, never read as harmless
    expect(byId.get('copilot:agents/triage')?.tools[1]).toMatchObject({
      kind: 'unknown',
      radius: 'irreversible',
    });
    expect(view.agents.at(-1)?.id).toBe('claude:agents/reader');
  });

  it('servers with their radius and source file; secrets never printed', () => {
    const view = scopeJson();
    expect(view.servers.map((s) => [s.name, s.radius, s.path])).toEqual([
      ['docs', 'privileged', '.mcp.json'],
      ['shell', 'privileged', '.mcp.json'],
    ]);
    expect(view.servers[0]).toMatchObject({
      transport: 'http',
      credentials: ['Authorization'],
      pinnedTools: null,
    });
    const text = scope().stdout;
    expect(text).toContain('servers (2)');
    expect(text).not.toContain('Bearer x');
    expect(scope('--format', 'markdown').stdout).not.toContain('Bearer x');
  });

  it('permission rules with their radius', () => {
    const view = scopeJson();
    const rules = view.permissions.map((rule) => `${rule.effect} ${rule.rule} ${rule.radius}`);
    // a test runner executes repository code: write (the shell command table)
    expect(rules).toContain('allow Bash(npm test:*) write');
    expect(rules).toContain('deny WebSearch read');
    expect(rules).toContain('allow enableAllProjectMcpServers=true irreversible');
    expect(scope().stdout).toContain('permission rules (3)');
  });

  it('a committed source file is seen at --ref, an uncommitted one only in the working tree', async () => {
    await repo.commit('agents');
    repo.write('.claude/agents/late.md', '---\nname: late\ntools: Read\n---\nLate.\n');
    expect(scopeJson().agents.map((a) => a.id)).toContain('claude:agents/late');
    expect(scopeJson('--ref', 'HEAD').agents.map((a) => a.id)).not.toContain('claude:agents/late');
  });

  it('a linked source file is refused and said on stderr, never followed', () => {
    repo.write('real.json', JSON.stringify({ mcpServers: { x: { command: 'x' } } }));
    repo.remove('.mcp.json');
    repo.symlink('real.json', '.mcp.json');
    const result = scope('--format', 'json');
    expect(result.code).toBe(0);
    const view = JSON.parse(result.stdout) as ScopeView;
    expect(view.servers).toEqual([]);
    expect(view.findings).toContainEqual(
      expect.objectContaining({ code: 'symlink-refused', path: '.mcp.json' }),
    );
    expect(result.stderr).toMatch(/\d error\(s\) in the working tree/);
  });
});
