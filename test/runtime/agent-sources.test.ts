import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// `--agent` names an agent file (SPEC 2.4, issue 12 item 7): its bindings resolve as its client resolves them.
const FIXTURE_TOOLS = fileURLToPath(
  new URL('../fixtures/intents/repo/registry/tools/db.yaml', import.meta.url),
);

let dir: string;
let repo: string;

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), text);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agentgate-agent-sources-'));
  repo = join(dir, 'repo');
  await put('registry/tools/db.yaml', await readFile(FIXTURE_TOOLS, 'utf8'));
  await put(
    '.claude/agents/support.md',
    '---\nname: support\ntools: Read, Grep, read_ticket\n---\nAnswer tickets.\n',
  );
  await put('.github/agents/ops.agent.md', '---\ndescription: operations\n---\nRun operations.\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function check(tool: string, args: Record<string, unknown>, agent: string, registry = repo) {
  return runCli(['intent', 'check', '-', '--registry', registry, '--format', 'json', '--agent', agent], {
    cwd: dir,
    input: JSON.stringify({ tool, args }),
  });
}
const decision = (stdout: string) => JSON.parse(stdout) as { decision: string; reasons: { code: string }[] };

describe('intent check --agent with an agent file id', () => {
  it('allows what the Claude Code subagent binds and denies the rest with tool-not-bound', () => {
    const read = check('read_ticket', { id: 'T-1' }, 'claude:agents/support');
    expect(read.stderr).toBe('');
    expect(decision(read.stdout).decision).toBe('allow');
    const refund = check('issue_refund', { payment_id: 'p', amount: 1 }, 'claude:agents/support');
    expect(decision(refund.stdout).reasons.map((r) => r.code)).toContain('tool-not-bound');
  });

  it('a Copilot agent without tools binds everything, still under every other check', () => {
    const read = check('read_ticket', { id: 'T-1' }, 'copilot:agents/ops');
    expect(decision(read.stdout).decision).toBe('allow');
    const refund = check('issue_refund', { payment_id: 'p', amount: 1 }, 'copilot:agents/ops');
    expect(decision(refund.stdout).reasons.map((r) => r.code)).not.toContain('tool-not-bound');
  });

  it('finds agent files from the default registry folder too (the repository is its parent)', () => {
    const read = check('read_ticket', { id: 'T-1' }, 'claude:agents/support', join(repo, 'registry'));
    expect(decision(read.stdout).decision).toBe('allow');
  });

  it('an unknown id is a one-line usage error listing the agent files', () => {
    const result = check('read_ticket', { id: 'T-1' }, 'claude:agents/nobody');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('claude:agents/support');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('intent check --agent reads agent files under the `sources:` of agentgate.yaml, as the diff does', () => {
  let configured: string;
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(configured, path)), { recursive: true });
    await writeFile(join(configured, path), text);
  };

  beforeAll(async () => {
    configured = join(dir, 'configured');
    await write('registry/tools/db.yaml', await readFile(FIXTURE_TOOLS, 'utf8'));
    await write(
      'agentgate.yaml',
      'version: 1\nsources:\n  claude-agents:\n    paths: ["bots/*.md"]\n  copilot: false\n',
    );
    await write('bots/helper.md', '---\nname: helper\ntools: read_ticket\n---\nHelp.\n');
    await write('.github/agents/ops.agent.md', '---\ndescription: operations\n---\nRun operations.\n');
  });

  it('binds through an agent file at a path the config adds', () => {
    const read = check('read_ticket', { id: 'T-1' }, 'claude:bots/helper', configured);
    expect(read.stderr).toBe('');
    expect(decision(read.stdout).decision).toBe('allow');
    const refund = check('issue_refund', { payment_id: 'p', amount: 1 }, 'claude:bots/helper', configured);
    expect(decision(refund.stdout).reasons.map((r) => r.code)).toContain('tool-not-bound');
  });

  it('knows no agent of a kind the config turns off', () => {
    const result = check('read_ticket', { id: 'T-1' }, 'copilot:agents/ops', configured);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no agent "copilot:agents/ops"');
    expect(result.stderr).toContain('(agents: claude:bots/helper)');
  });
});
