import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// The runtime's `--agent` finds agents through the one source lookup the gate uses: a Claude Code plugin's agent,
// a nested project's subagent, a Copilot agent file anywhere and a gh-aw workflow are agents; a Markdown file the
// lookup does not claim is not, and `sources:` switching a kind off removes its agents from the runtime too.
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
  dir = await mkdtemp(join(tmpdir(), 'agentgate-agent-newer-'));
  repo = join(dir, 'repo');
  await put('registry/tools/db.yaml', await readFile(FIXTURE_TOOLS, 'utf8'));
  await put('plugins/review/agents/reader.md', '---\nname: reader\ntools: read_ticket\n---\nRead tickets.\n');
  await put('packages/app/.claude/agents/nested.md', '---\nname: nested\ntools: [read_ticket]\n---\nHelp.\n');
  await put('docs/helper.agent.md', '---\ndescription: helps\ntools: [read_ticket]\n---\nHelp.\n');
  await put('.github/workflows/triage.md', '---\non: issues\ntools:\n  read_ticket: {}\n---\nTriage.\n');
  await put('notes/agents/stray.md', '---\nname: stray\ntools: [issue_refund]\n---\nNot an agent file.\n');
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

const AGENTS = [
  'claude:plugins/review/agents/reader',
  'claude:packages/app/agents/nested',
  'copilot:docs/helper',
  'gh-aw:workflows/triage',
];

describe('intent check --agent sees the newer sources through the one lookup', () => {
  it.each(AGENTS)('%s: allows what it binds and denies the rest with tool-not-bound', (agent) => {
    const read = check('read_ticket', { id: 'T-1' }, agent);
    expect(read.stderr).toBe('');
    expect(decision(read.stdout).decision).toBe('allow');
    const refund = check('issue_refund', { payment_id: 'p', amount: 1 }, agent);
    expect(decision(refund.stdout).decision).toBe('deny');
    expect(decision(refund.stdout).reasons.map((reason) => reason.code)).toContain('tool-not-bound');
  });

  it('lists exactly the agents the lookup claims: a stray Markdown file is none', () => {
    const result = check('read_ticket', { id: 'T-1' }, 'claude:notes/agents/stray');
    expect(result.code).toBe(2);
    const listed = result.stderr.slice(result.stderr.indexOf('(agents:'));
    for (const agent of AGENTS) expect(listed).toContain(agent);
    expect(listed).not.toContain('stray');
  });

  it('a kind switched off in sources: is gone from the runtime as from the gate', async () => {
    await put('agentgate.yaml', 'version: 1\nsources:\n  claude-code: false\n');
    try {
      const result = check('read_ticket', { id: 'T-1' }, 'claude:plugins/review/agents/reader');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('copilot:docs/helper');
      expect(check('read_ticket', { id: 'T-1' }, 'copilot:docs/helper').stdout).toContain('"allow"');
    } finally {
      await rm(join(repo, 'agentgate.yaml'));
    }
  });
});
