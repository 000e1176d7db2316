import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScopeView } from '../../../src/core/history/scope.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { parseSnapshot } from '../../../src/core/plane/parse-snapshot.js';
import { resolveTreeAgents } from '../../../src/core/agents/tree-agents.js';
import type { Config, Registry } from '../../../src/model/types.js';
import { diffTrees } from '../../helpers/diff-trees.js';
import type { Files } from '../../helpers/diff-trees.js';

// `scope`'s dangerous paths (SPEC 6) are the diff's: the same agents (registry prompts, agent files with their
// built-ins and servers) through the same resolveTreeAgents and composition rules.

const registryOf = (files: Files, config: Config = DEFAULT_CONFIG): Registry =>
  parseSnapshot(
    Object.entries(files).map(([path, text]) => ({ path, text, oid: text })),
    [],
    config,
  ).registry;
const scopeOf = (files: Files, config: Config = DEFAULT_CONFIG) =>
  buildScopeView({ ref: { ref: 'HEAD', sha: null }, registry: registryOf(files, config), config });

const manifest = (name: string, fields = '') =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\neffect: read\n${fields}`;
const claudeAgent = (name: string, tools: string) => `---\nname: ${name}\ntools: ${tools}\n---\nWork.\n`;
const TICKET = { 'registry/tools/ticket.yaml': manifest('read_ticket', 'untrustedInput: true\n') };

describe('scope lists dangerous paths that exist only through client files', () => {
  it('an agent file binding a registry tool with untrusted input beside Bash', () => {
    const view = scopeOf({
      ...TICKET,
      '.claude/agents/support.md': claudeAgent('support', 'read_ticket, Bash'),
    });
    const flow = view.flows.find((f) => f.agent === 'claude:agents/support');
    expect(flow).toMatchObject({ kind: 'untrusted-to-action' });
    expect(flow?.sources).toContain('read_ticket');
    expect(flow?.sinks).toEqual(['Bash']);
    const ticket = view.tools.find((t) => t.name === 'read_ticket');
    expect(ticket?.agents).toContain('claude:agents/support');
    expect(ticket?.flows).toContainEqual({
      kind: 'untrusted-to-action',
      agent: 'claude:agents/support',
      role: 'source',
    });
  });

  it('an agent file binding an MCP server tool nobody pinned beside a registry tool', () => {
    const view = scopeOf({
      ...TICKET,
      '.mcp.json': JSON.stringify({
        mcpServers: { billing: { type: 'http', url: 'https://billing.example.com' } },
      }),
      '.claude/agents/support.md': claudeAgent('support', 'read_ticket, mcp__billing__refund'),
    });
    expect(view.flows).toContainEqual({
      kind: 'untrusted-to-action',
      agent: 'claude:agents/support',
      sources: ['billing/refund', 'read_ticket'],
      sinks: ['billing/refund'],
    });
  });

  it('none when the agent file reaches nothing irreversible', () => {
    const view = scopeOf({
      ...TICKET,
      '.claude/agents/reader.md': claudeAgent('reader', 'read_ticket, Read, Grep'),
    });
    expect(view.flows).toEqual([]);
    expect(view.tools[0]?.flows).toEqual([]);
  });

  it("an agent file does not hide the registry's own composition (the whole registry stays one agent)", () => {
    const view = scopeOf({
      ...TICKET,
      'registry/tools/admin.yaml': manifest('admin_update', 'scopes: [billing:admin]\n'),
      '.claude/agents/reader.md': claudeAgent('reader', 'Read'),
    });
    expect(view.flows).toContainEqual({
      kind: 'untrusted-to-action',
      agent: '(registry)',
      sources: ['read_ticket'],
      sinks: ['admin_update'],
    });
  });
});

describe('scope and names shared across sources', () => {
  it('a registry tool named like a built-in sits beside it and never masks its untrusted input', () => {
    const files = {
      'registry/tools/fetch.yaml': manifest('fetch', 'egress: [api.acme.internal]\n'),
      'registry/tools/refund.yaml': manifest('refund', 'effect: irreversible\n').replace(
        'effect: read\n',
        '',
      ),
      '.github/agents/all.agent.md': "---\ntools: ['*']\n---\nAll.\n",
    };
    const tree = resolveTreeAgents(registryOf(files), DEFAULT_CONFIG);
    const fetches = (tree.agents.get('copilot:agents/all') ?? []).filter((tool) => tool.name === 'fetch');
    expect(fetches.map((tool) => tool.untrustedInput).sort()).toEqual([false, true]);
    expect(scopeOf(files).flows.find((f) => f.agent === 'copilot:agents/all')?.sources).toContain('fetch');
  });

  it("a server declared twice keeps the outside one's egress (the tamer declaration does not mask it)", () => {
    const config = structuredClone(DEFAULT_CONFIG) as Config;
    config.planes.control.internalHosts = ['*.acme.internal'];
    const files = {
      'registry/tools/customer.yaml': manifest('read_customer', 'dataAccess: sensitive\n'),
      '.mcp.json': JSON.stringify({
        mcpServers: { docs: { type: 'http', url: 'https://docs.evil.example' } },
      }),
      '.vscode/mcp.json': JSON.stringify({
        servers: { docs: { type: 'http', url: 'https://docs.acme.internal' } },
      }),
      '.claude/agents/support.md': claudeAgent('support', 'read_customer, mcp__docs__search'),
    };
    const trifecta = scopeOf(files, config).flows.find((f) => f.kind === 'lethal-trifecta');
    expect(trifecta).toMatchObject({ agent: 'claude:agents/support', sinks: ['docs/search'] });
    expect(trifecta?.sources).toEqual(['docs/search', 'read_customer']);
    // with only the inside declaration there is no outside egress, so no trifecta
    const inside = { ...files, '.mcp.json': '{"mcpServers":{}}' };
    expect(scopeOf(inside, config).flows.filter((f) => f.kind === 'lethal-trifecta')).toEqual([]);
  });

  it('two agent files with one id (a client reads them as one agent) bind the union: neither masks the other', () => {
    const view = scopeOf({
      ...TICKET,
      '.github/agents/triage.agent.md': "---\ntools: ['read_ticket']\n---\nA.\n",
      'agents/triage.agent.md': "---\ntools: ['runCommands']\n---\nB.\n",
    });
    expect(view.agents.map((agent) => agent.id)).toEqual(['copilot:agents/triage', 'copilot:agents/triage']);
    expect(view.flows).toContainEqual(
      expect.objectContaining({
        kind: 'untrusted-to-action',
        agent: 'copilot:agents/triage',
        sources: expect.arrayContaining(['read_ticket']) as unknown,
        sinks: expect.arrayContaining(['runCommands']) as unknown,
      }),
    );
  });
});

describe('property: scope lists exactly the paths a diff from an empty tree adds', () => {
  const NAMES = ['read_ticket', 'lookup', 'refund', 'fetch', 'shell'];
  const toolArb = fc.record({
    name: fc.constantFrom(...NAMES),
    effect: fc.constantFrom('read', 'write', 'irreversible', 'privileged'),
    untrusted: fc.boolean(),
    data: fc.constantFrom('none', 'internal', 'sensitive'),
    egress: fc.constantFrom('[]', '[api.acme.internal]', '[api.stripe.com]'),
  });
  const BINDINGS = [
    ...NAMES,
    'Read',
    'Grep',
    'Edit',
    'Task',
    'mcp__docs__search',
    'mcp__shell',
    'nowhere/*',
    '*',
  ];
  const bindingsArb = fc.subarray(BINDINGS, { minLength: 1, maxLength: 5 });
  const filesArb = fc
    .record({
      tools: fc.array(toolArb, { maxLength: 5 }),
      prompt: fc.option(fc.subarray(NAMES, { maxLength: 3 }), { nil: undefined }),
      agents: fc.array(bindingsArb, { maxLength: 3 }),
      docsUrl: fc.constantFrom('https://docs.acme.internal', 'https://docs.example.com'),
      twice: fc.boolean(),
    })
    .map(({ tools, prompt, agents, docsUrl, twice }) => {
      const files: Files = {};
      tools.forEach((tool, i) => {
        files[`registry/tools/t${i}.yaml`] =
          `apiVersion: agentgate/v1\nkind: Tool\nname: ${tool.name}\neffect: ${tool.effect}\n` +
          `untrustedInput: ${tool.untrusted}\ndataAccess: ${tool.data}\negress: ${tool.egress}\n`;
      });
      if (prompt)
        files['registry/prompts/p.md'] = `---\nid: p\nversion: 1\ntools: [${prompt.join(', ')}]\n---\nHi\n`;
      agents.forEach((bindings, i) => {
        files[`.claude/agents/a${i}.md`] = claudeAgent(
          `a${i}`,
          bindings.map((b) => JSON.stringify(b)).join(', '),
        );
      });
      files['.mcp.json'] = JSON.stringify({
        mcpServers: { docs: { type: 'http', url: docsUrl }, shell: { command: 'bash' } },
      });
      if (twice)
        files['.cursor/mcp.json'] = JSON.stringify({ mcpServers: { docs: { url: 'https://x.example' } } });
      return files;
    });

  it('holds for registries, prompts, agent files and servers of any mix', () => {
    const config = structuredClone(DEFAULT_CONFIG) as Config;
    config.planes.control.internalHosts = ['*.acme.internal'];
    fc.assert(
      fc.property(filesArb, (files) => {
        const added = diffTrees({}, files, { config }).planes.control.flows.added;
        expect(scopeOf(files, config).flows).toEqual(added);
      }),
      { numRuns: 120 },
    );
  });
});
