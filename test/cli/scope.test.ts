import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScopeView } from '../../src/core/history/scope.js';
import { runCli } from '../helpers/run-cli.js';
import { createHistoryRepo, prompt, tool } from '../core/history/history-fixture.js';
import type { HistoryRepo } from '../core/history/history-fixture.js';

let fixture: HistoryRepo;
let quiet: string;
const scope = (...args: string[]) => runCli(['scope', ...args], { cwd: fixture.repo.dir });
const scopeJson = (...args: string[]) => {
  const result = scope(...args, '--format', 'json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ScopeView;
};

beforeAll(async () => {
  fixture = await createHistoryRepo();
  const { repo } = fixture;
  for (let i = 0; i < 12; i++)
    repo.write(
      `registry/tools/readers/r${i}.yaml`,
      tool(`list_things_${String(i).padStart(2, '0')}`, 'read', ['things:read']),
    );
  await repo.commit('twelve readers');
  repo.write(
    'registry/tools/zz.yaml',
    tool(
      'zz_quiet',
      'write',
      ['users:update'],
      'credentials:\n  - name: IAM_TOKEN\n    scopes: [iam:grant]\negress: [iam.example.com]\n',
    ),
  );
  repo.write(
    'registry/prompts/support/system.md',
    prompt(3, ['read_ticket', 'zz_quiet'], 'You are a support agent.'),
  );
  quiet = await repo.commit('add a quiet helper');
  repo.write(
    'registry/tools/readers/r0.yaml',
    `# a comment only\n${tool('list_things_00', 'read', ['things:read'])}`,
  );
  await repo.commit('comment a reader');
});
afterAll(() => fixture.repo.cleanup());

describe('agentgate scope', () => {
  it('lists the quiet thirteenth tool first, with its authority, agents, flows and the commit that added it', () => {
    const view = scopeJson();
    expect(view.tools.map((t) => t.name).slice(0, 3)).toEqual(['read_ticket', 'zz_quiet', 'list_things_00']);
    const zz = view.tools[1];
    expect(zz).toMatchObject({
      radius: 'privileged',
      effect: 'write',
      credentials: [{ name: 'IAM_TOKEN', scopes: ['iam:grant'] }],
      egress: ['iam.example.com'],
      agents: ['support/system'],
      flows: [{ kind: 'untrusted-to-action', agent: 'support/system', role: 'sink' }],
      lastChange: { sha: quiet, change: 'added', subject: 'add a quiet helper' },
    });
    expect(view.tools[0]?.lastChange).toMatchObject({ sha: fixture.shas.widen, change: 'modified' });
    expect(view.tools.find((t) => t.name === 'list_things_00')?.lastChange?.subject).toBe('twelve readers');
    expect(view.counts).toMatchObject({ privileged: 2, read: 12 });
  });

  it('prints the same order for a terminal, the top of the first screen first', () => {
    const result = scope();
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^agentgate scope {2}working tree {2}14 tool\(s\): 2 privileged, 12 read$/);
    expect(lines[2]).toMatch(/^PRIVILEGED\s+read_ticket/);
    expect(lines.slice(0, 12).join('\n')).toContain('zz_quiet');
    expect(lines.slice(0, 12).join('\n')).toContain('credentials IAM_TOKEN (iam:grant)');
  });

  it('describes any ref, and writes Markdown', () => {
    const base = scopeJson('--ref', fixture.shas.base);
    expect(base.tools.map((t) => [t.name, t.radius, t.lastChange?.sha])).toEqual([
      ['read_ticket', 'read', fixture.shas.base],
    ]);
    const markdown = scope('--format', 'markdown');
    expect(markdown.stdout).toContain('| **privileged** | `zz_quiet` |');
    expect(scope('--ref', 'no-such-ref').code).toBe(2);
  });
});
