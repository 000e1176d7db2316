import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Agents written inside client configs (a Kiro agent, a Roo mode, a Codex agent) are agents to the runtime's
// `--agent`: each allows the tools it binds and refuses the rest with tool-not-bound.
const FIXTURE_TOOLS = fileURLToPath(
  new URL('../fixtures/intents/repo/registry/tools/db.yaml', import.meta.url),
);

let dir: string;
let repo: string;

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), text);
}

const ROOMODES = `customModes:
  - slug: reviewer
    name: Reviewer
    roleDefinition: Reads code.
    groups: [read, [edit, { fileRegex: '\\.md$' }]]
  - slug: operator
    name: Operator
    roleDefinition: Uses every server.
    groups: [read, mcp]
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agentgate-agent-config-'));
  repo = join(dir, 'repo');
  await put('registry/tools/db.yaml', await readFile(FIXTURE_TOOLS, 'utf8'));
  await put(
    '.kiro/agents/triage.json',
    JSON.stringify({ name: 'triage', tools: ['fs_read', 'read_ticket'], allowedTools: ['fs_read'] }),
  );
  await put('.kiro/agents/builtin.json', JSON.stringify({ name: 'builtin', tools: ['@builtin'] }));
  await put('.roomodes', ROOMODES);
  await put('.codex/agents/helper.toml', 'name = "helper"\ndeveloper_instructions = "Help."\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function check(tool: string, args: Record<string, unknown>, agent: string) {
  return runCli(['intent', 'check', '-', '--registry', repo, '--format', 'json', '--agent', agent], {
    cwd: dir,
    input: JSON.stringify({ tool, args }),
  });
}
const decision = (stdout: string) => JSON.parse(stdout) as { decision: string; reasons: { code: string }[] };
const codes = (stdout: string) => decision(stdout).reasons.map((reason) => reason.code);
const READ = ['read_ticket', { id: 'T-1' }] as const;
const REFUND = ['issue_refund', { payment_id: 'p', amount: 1 }] as const;

describe('intent check --agent names agents written in client configs', () => {
  it('a Kiro agent allows the tool its `tools` names and refuses another', () => {
    const read = check(...READ, 'kiro:agents/triage');
    expect(read.stderr).toBe('');
    expect(decision(read.stdout).decision).toBe('allow');
    const refund = check(...REFUND, 'kiro:agents/triage');
    expect(decision(refund.stdout).decision).toBe('deny');
    expect(codes(refund.stdout)).toContain('tool-not-bound');
  });

  it('a Kiro agent with only built-ins binds no registry tool', () => {
    const read = check(...READ, 'kiro:agents/builtin');
    expect(decision(read.stdout).decision).toBe('deny');
    expect(codes(read.stdout)).toContain('tool-not-bound');
  });

  it('a Roo mode without the mcp group binds no server tool; with it, every one', () => {
    const reviewer = check(...READ, 'roo:modes/reviewer');
    expect(reviewer.stderr).toBe('');
    expect(decision(reviewer.stdout).decision).toBe('deny');
    expect(codes(reviewer.stdout)).toContain('tool-not-bound');
    const operator = check(...READ, 'roo:modes/operator');
    expect(decision(operator.stdout).decision).toBe('allow');
  });

  it('a Codex agent names no tool list: every tool is bound', () => {
    const read = check(...READ, 'codex:agents/helper');
    expect(read.stderr).toBe('');
    expect(decision(read.stdout).decision).toBe('allow');
    expect(codes(check(...REFUND, 'codex:agents/helper').stdout)).not.toContain('tool-not-bound');
  });

  it('lists the config agents among the known ones when the id is wrong', () => {
    const result = check(...READ, 'kiro:agents/nobody');
    expect(result.code).toBe(2);
    const listed = result.stderr.slice(result.stderr.indexOf('(agents:'));
    for (const agent of [
      'kiro:agents/triage',
      'roo:modes/reviewer',
      'roo:modes/operator',
      'codex:agents/helper',
    ])
      expect(listed).toContain(agent);
  });
});
