import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInventory, ownerName } from '../../src/inventory/read-inventory.js';
import { inventoryItems, renderInventorySarif } from '../../src/inventory/sarif.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { writeAgentRepo } from './fixture.js';

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

describe('agentgate inventory', () => {
  it('lists every kind of authority at a commit, with the fields the JSON promises', async () => {
    writeAgentRepo(repo);
    const commit = await repo.commit('agents');
    const { inventory } = await readInventory({ cwd: repo.dir, repository: 'acme/one' });
    expect(Object.keys(inventory).slice(0, 11)).toEqual([
      'repository',
      'commit',
      'digest',
      'maxRadius',
      'counts',
      'tools',
      'servers',
      'agents',
      'rules',
      'paths',
      'findings',
    ]);
    expect(inventory.repository).toBe('acme/one');
    expect(inventory.commit).toBe(commit);
    expect(inventory.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(inventory.maxRadius).toBe('privileged');
    expect(inventory.tools.map((t) => [t.name, t.radius])).toEqual([
      ['issue_refund', 'irreversible'],
      ['read_ticket', 'read'],
    ]);
    expect(inventory.servers).toEqual([{ name: 'web', file: '.mcp.json', radius: expect.any(String) }]);
    const helper = inventory.agents.find((a) => a.file === '.claude/agents/helper.md');
    expect(helper).toMatchObject({ radius: 'privileged', bindings: ['Bash', 'WebFetch'] });
    expect(inventory.rules.some((r) => r.rule.includes('rm -rf') && r.effect === 'allow')).toBe(true);
    expect(
      inventory.paths.some((p) => p.kind === 'untrusted-to-action' && p.sinks.includes('issue_refund')),
    ).toBe(true);
    expect(inventory.findings.some((f) => f.code === 'server-tools-unpinned')).toBe(true);
    const total = Object.values(inventory.counts).reduce((a, b) => a + b, 0);
    // tools + servers + each agent binding + rules
    const bindings = inventory.agents.reduce((n, a) => n + a.bindings.length, 0);
    expect(total).toBe(inventory.tools.length + inventory.servers.length + bindings + inventory.rules.length);
    expect(inventory.signals.shells).toContain(helper?.id);
    expect(inventory.signals.webFetchers).toContain(helper?.id);
    expect(inventory.signals.unpinnedServers).toEqual(['web']);
  });

  it('is stable: the same commit gives the same bytes, and the digest moves only with authority', async () => {
    writeAgentRepo(repo);
    await repo.commit('agents');
    const first = await readInventory({ cwd: repo.dir, repository: 'acme/one' });
    const again = await readInventory({ cwd: repo.dir, repository: 'acme/one' });
    expect(JSON.stringify(again.inventory)).toBe(JSON.stringify(first.inventory));
    expect(renderInventorySarif(again.inventory)).toBe(renderInventorySarif(first.inventory));
    writeAgentRepo(repo, 1); // prompt text only: the data plane
    await repo.commit('prompt text');
    const text = await readInventory({ cwd: repo.dir, repository: 'acme/one' });
    expect(text.inventory.digest).toBe(first.inventory.digest);
    repo.write('.mcp.json', JSON.stringify({ mcpServers: { web: { command: 'node', args: ['other.js'] } } }));
    await repo.commit('server');
    const moved = await readInventory({ cwd: repo.dir, repository: 'acme/one' });
    expect(moved.inventory.digest).not.toBe(first.inventory.digest);
  });

  it('reads an older commit with --ref, and an empty repository has no authority', async () => {
    repo.write('README.md', 'nothing here\n');
    const empty = await repo.commit('empty');
    writeAgentRepo(repo);
    await repo.commit('agents');
    const { inventory } = await readInventory({ cwd: repo.dir, ref: empty, repository: 'acme/one' });
    expect(inventory.commit).toBe(empty);
    expect(inventory.maxRadius).toBe('none');
    expect(inventory.counts).toEqual({ none: 0, read: 0, write: 0, irreversible: 0, privileged: 0 });
  });

  it('takes the repository from origin, and refuses a name that is not OWNER/NAME', async () => {
    writeAgentRepo(repo);
    await repo.commit('agents');
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/from-origin.git');
    expect((await readInventory({ cwd: repo.dir })).inventory.repository).toBe('acme/from-origin');
    await expect(readInventory({ cwd: repo.dir, repository: 'acme/../x/y' })).rejects.toThrow(/OWNER\/NAME/);
    await expect(readInventory({ cwd: repo.dir, repository: '--upload' })).rejects.toThrow(/OWNER\/NAME/);
  });

  it.each([
    ['https://github.com/acme/agents.git', 'acme/agents'],
    ['https://github.com/acme/agents', 'acme/agents'],
    ['git@github.com:acme/agents.git', 'acme/agents'],
    ['ssh://git@ghe.example.com/acme/agents.git', 'acme/agents'],
    ['nonsense', null],
  ])('ownerName(%j)', (url, name) => {
    expect(ownerName(url)).toBe(name);
  });
});

describe('inventory SARIF', () => {
  it('one run in the category of the repository, a result per finding, path and high capability, line-free fingerprints', async () => {
    writeAgentRepo(repo);
    await repo.commit('agents');
    const { inventory } = await readInventory({ cwd: repo.dir, repository: 'acme/one' });
    const log = JSON.parse(renderInventorySarif(inventory)) as {
      version: string;
      runs: {
        automationDetails: { id: string };
        results: { ruleId: string; partialFingerprints: Record<string, string> }[];
        tool: { driver: { rules: { id: string }[] } };
      }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.automationDetails.id).toBe('agentgate/inventory/acme/one');
    const high = [...inventory.tools, ...inventory.servers, ...inventory.agents, ...inventory.rules].filter(
      (c) => ['irreversible', 'privileged'].includes(c.radius),
    );
    expect(run.results).toHaveLength(inventory.findings.length + inventory.paths.length + high.length);
    expect(run.results.map((r) => r.ruleId)).toContain('dangerous-path/untrusted-to-action');
    expect(run.results.map((r) => r.ruleId)).toContain('capability/privileged');
    const prints = run.results.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
    // a line moving does not move a fingerprint
    const shifted = inventoryItems({
      ...inventory,
      findings: inventory.findings.map((f) => ({ ...f, line: f.line + 10 })),
    });
    expect(shifted.map((i) => i.identity)).toEqual(inventoryItems(inventory).map((i) => i.identity));
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(
      [...run.tool.driver.rules.map((r) => r.id)].sort(),
    );
  });

  it('stays within 25,000 results', () => {
    const tools = Array.from({ length: 26_000 }, (_, i) => ({
      name: `t${i}`,
      file: 'registry/tools/x.yaml',
      radius: 'privileged' as const,
    }));
    const inventory = {
      repository: 'acme/big',
      commit: 'a'.repeat(40),
      digest: 'sha256:x',
      maxRadius: 'privileged' as const,
      counts: { none: 0, read: 0, write: 0, irreversible: 0, privileged: tools.length },
      tools,
      servers: [],
      agents: [],
      rules: [],
      paths: [],
      findings: [],
      signals: { shells: [], webFetchers: [], unpinnedServers: [] },
    };
    const log = JSON.parse(renderInventorySarif(inventory)) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results).toHaveLength(25_000);
  });
});
