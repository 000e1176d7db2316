import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScopeView } from '../../src/core/history/scope.js';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// `agentgate scope` lists the dangerous paths (SPEC 6) the diff would see: registry tools and the agents,
// servers and built-ins of client files (SPEC 2.4), through the diff's own resolution.

let repo: TempRepo;
const run = (...args: string[]) => runCli(args, { cwd: repo.dir });
const scopeJson = (...args: string[]): ScopeView => {
  const result = run('scope', ...args, '--format', 'json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ScopeView;
};

const manifest = (name: string, fields: string) =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\n${fields}description: ${name}.\n`;
const TICKET = manifest('read_ticket', 'effect: read\nscopes: [tickets:read]\nuntrustedInput: true\n');
const claudeAgent = (name: string, tools: string) => `---\nname: ${name}\ntools: ${tools}\n---\nWork.\n`;

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('registry/tools/ticket.yaml', TICKET);
});
afterEach(() => repo.cleanup());

describe('agentgate scope: dangerous paths through client files', () => {
  it('lists a path that exists only through an agent file, in json and text, as the diff adds it', async () => {
    await repo.commit('registry only: no dangerous path');
    expect(scopeJson().flows).toEqual([]);
    repo.write('.claude/agents/support.md', claudeAgent('support', 'read_ticket, Bash'));
    await repo.commit('an agent file binds the ticket reader beside a shell');

    const view = scopeJson();
    // a shell is privileged, untrusted, sensitive and reaches anywhere: both kinds of path
    const reached = { agent: 'claude:agents/support', sources: ['Bash', 'read_ticket'], sinks: ['Bash'] };
    expect(view.flows).toEqual([
      { kind: 'untrusted-to-action', ...reached },
      { kind: 'lethal-trifecta', ...reached },
    ]);
    expect(view.tools.find((t) => t.name === 'read_ticket')?.flows).toContainEqual({
      kind: 'untrusted-to-action',
      agent: 'claude:agents/support',
      role: 'source',
    });
    const text = run('scope').stdout;
    expect(text).toContain('dangerous paths');
    expect(text).toContain('untrusted-to-action in claude:agents/support: Bash, read_ticket -> Bash');
    // Markdown lists the path whole: no registry tool's row shows the shell
    const markdown = run('scope', '--format', 'markdown').stdout;
    expect(markdown).toContain('### dangerous paths');
    expect(markdown).toContain(
      '- untrusted-to-action in `claude:agents/support`: `Bash`, `read_ticket` → `Bash`',
    );

    const diff = run('diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json');
    const report = JSON.parse(diff.stdout) as DiffReport;
    expect(report.planes.control.flows.added).toEqual(scopeJson('--ref', 'HEAD').flows);
  });

  it('lists none when the agent file reaches nothing irreversible', () => {
    repo.write('.claude/agents/reader.md', claudeAgent('reader', 'read_ticket, Read, Grep'));
    expect(scopeJson().flows).toEqual([]);
    expect(run('scope').stdout).not.toContain('dangerous paths');
    expect(run('scope', '--format', 'markdown').stdout).not.toContain('dangerous paths');
  });

  it("an agent file does not hide the registry's own path (the whole registry stays one agent)", () => {
    repo.write(
      'registry/tools/admin.yaml',
      manifest('admin_update', 'effect: privileged\nscopes: [billing:admin]\n'),
    );
    repo.write('.claude/agents/reader.md', claudeAgent('reader', 'Read'));
    expect(scopeJson().flows).toEqual([
      { kind: 'untrusted-to-action', agent: '(registry)', sources: ['read_ticket'], sinks: ['admin_update'] },
    ]);
  });

  it('a server declared in two client configs: the outside egress of one is not masked by the other', () => {
    repo.write('agentgate.yaml', "version: 1\nplanes:\n  control:\n    internalHosts: ['*.acme.internal']\n");
    repo.write(
      'registry/tools/customer.yaml',
      manifest('read_customer', 'effect: read\ndataAccess: sensitive\n'),
    );
    repo.write(
      '.mcp.json',
      JSON.stringify({ mcpServers: { docs: { type: 'http', url: 'https://docs.example.com' } } }),
    );
    repo.write(
      '.vscode/mcp.json',
      JSON.stringify({ servers: { docs: { type: 'http', url: 'https://docs.acme.internal' } } }),
    );
    repo.write('.claude/agents/support.md', claudeAgent('support', 'read_customer, mcp__docs__search'));
    const view = scopeJson();
    expect(view.servers.map((server) => server.name)).toEqual(['docs', 'docs']);
    expect(view.flows).toContainEqual({
      kind: 'lethal-trifecta',
      agent: 'claude:agents/support',
      sources: ['docs/search', 'read_customer'],
      sinks: ['docs/search'],
    });
  });
});

describe('agentgate scope: a source file that does not parse is said, as a manifest that does not parse is', () => {
  const NOTICE =
    /^agentgate: 1 error\(s\) in the working tree: tools in invalid manifests and agents in unreadable files are not listed, nor the dangerous paths through them \(run agentgate validate\)$/m;

  it('a broken manifest: exit 0, one error line on stderr, the finding in json', () => {
    repo.write('registry/tools/broken.yaml', 'apiVersion: agentgate/v1\nkind: Tool\nname: [unclosed\n');
    const result = run('scope', '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(NOTICE);
    const view = JSON.parse(result.stdout) as ScopeView;
    expect(view.findings).toContainEqual(expect.objectContaining({ path: 'registry/tools/broken.yaml' }));
  });

  it('a broken agent file: the same exit, the same line, its finding in json, the rest still listed', () => {
    repo.write('.claude/agents/broken.md', '---\nname: broken\ntools: [Bash\n---\nWork.\n');
    repo.write('.claude/agents/reader.md', claudeAgent('reader', 'Read'));
    const result = run('scope', '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(NOTICE);
    const view = JSON.parse(result.stdout) as ScopeView;
    expect(view.findings).toEqual([
      expect.objectContaining({ severity: 'error', path: '.claude/agents/broken.md' }),
    ]);
    expect(view.agents.map((agent) => agent.id)).toEqual(['claude:agents/reader']);
    const text = run('scope');
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(NOTICE);
  });

  it('a broken client config: an agent binding its server still shows a path (held at MCP defaults)', () => {
    repo.write('.mcp.json', '{"mcpServers": {"billing": ');
    repo.write('.claude/agents/support.md', claudeAgent('support', 'mcp__billing__refund'));
    const result = run('scope', '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(NOTICE);
    const view = JSON.parse(result.stdout) as ScopeView;
    expect(view.findings).toEqual([expect.objectContaining({ severity: 'error', path: '.mcp.json' })]);
    expect(view.flows).toContainEqual(
      expect.objectContaining({ kind: 'untrusted-to-action', agent: 'claude:agents/support' }),
    );
  });
});
