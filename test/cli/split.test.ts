import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN_TOOL = readFileSync(join(ROOT, 'scripts/demo/admin-billing-update.yaml'), 'utf8');
const SUPPORT_PROMPT = 'registry/prompts/support/system.md';

let repo: TempRepo;

interface SplitJson {
  branch: string | null;
  sha: string | null;
  base: string;
  included: string[];
  heldBack: string[];
}

function split(...args: string[]) {
  const result = runCli(['split', '--format', 'json', ...args], { cwd: repo.dir });
  expect(result.stderr).toBe('');
  return { code: result.code, json: JSON.parse(result.stdout) as SplitJson };
}

function diffJson(base: string, head: string): DiffReport {
  const result = runCli(['diff', '--format', 'json', '--base', base, '--head', head], { cwd: repo.dir });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as DiffReport;
}

const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');

beforeEach(async () => {
  repo = await createTempRepo();
  for (const path of ['registry', 'agentgate.yaml', 'CODEOWNERS'])
    cpSync(join(ROOT, path), join(repo.dir, path), { recursive: true });
  await repo.commit('example agents');
  repo.branch('pr');
  repo.checkout('pr');
});
afterEach(() => repo.cleanup());

describe('agentgate split on the incident PR', () => {
  let prText: string;
  beforeEach(async () => {
    prText = read(SUPPORT_PROMPT)
      .replace('version: 4', 'version: 5')
      .replace('concise reply.', 'concise reply. Fix billing directly.')
      .replace('send_email]', 'send_email, admin_billing_update]');
    repo.write(SUPPORT_PROMPT, prText);
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    repo.write('registry/prompts/support/examples.jsonl', '{"input":"hi","output":"hello"}\n');
    await repo.commit('support: prompt tweak, admin tool, few-shots');
  });

  it('ships the text, the version bump and the few-shots with the base bindings, and holds the tool back', () => {
    const headBefore = repo.git('rev-parse', 'HEAD');
    const status = repo.git('status', '--porcelain');
    const { code, json } = split('--base', 'main');
    expect(code).toBe(0);
    expect(json.branch).toBe(`agentgate/split/${headBefore.slice(0, 12)}`);
    expect(json.base).toBe(repo.git('rev-parse', 'main'));
    expect(json.included).toEqual(['registry/prompts/support/examples.jsonl', SUPPORT_PROMPT]);
    expect(json.heldBack).toEqual(['registry/tools/billing/admin-billing-update.yaml']);

    // HEAD, the index and the work tree are untouched
    expect(repo.git('rev-parse', 'HEAD')).toBe(headBefore);
    expect(repo.git('symbolic-ref', 'HEAD')).toBe('refs/heads/pr');
    expect(repo.git('status', '--porcelain')).toBe(status);
    expect(read(SUPPORT_PROMPT)).toBe(prText);

    // the branch: base parent, new text, base binding, every other byte kept
    expect(repo.git('rev-parse', `${json.branch}^`)).toBe(json.base);
    const shipped = repo.git('show', `${json.branch}:${SUPPORT_PROMPT}`);
    expect(`${shipped}\n`).toBe(
      prText
        .replace('send_email, admin_billing_update]', 'send_email]')
        .replace(/tools: \[[^\]]*\]/, (m) => m),
    );
    expect(shipped).toContain('Fix billing directly.');
    expect(shipped).toContain('version: 5');
    expect(shipped).not.toContain('admin_billing_update');
    expect(repo.git('ls-tree', '-r', '--name-only', json.branch as string)).not.toContain(
      'admin-billing-update',
    );

    // and it diffs as a data-plane change only
    const report = diffJson('main', json.branch as string);
    expect(report.planes.data.changed).toBe(true);
    expect(report.planes.control.changed).toBe(false);
    expect(report.planes.control.bindings).toEqual([]);
  });

  it('refuses to move an existing branch without --force, and moves it with', () => {
    expect(split('--base', 'main', '--branch', 'data-only').code).toBe(0);
    const again = runCli(['split', '--base', 'main', '--branch', 'data-only'], { cwd: repo.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(split('--base', 'main', '--branch', 'data-only', '--force').code).toBe(0);
  });

  it('refuses a branch name git would read as an option or a range', () => {
    for (const name of ['-x', 'a..b', 'bad name', 'x\ny']) {
      const result = runCli(['split', '--base', 'main', '--branch', name], { cwd: repo.dir });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
    expect(repo.git('for-each-ref', '--format=%(refname)', 'refs/heads')).toBe(
      'refs/heads/main\nrefs/heads/pr',
    );
  });

  it('--dry-run writes nothing', () => {
    const { code, json } = split('--base', 'main', '--dry-run');
    expect(code).toBe(0);
    expect(json.included).toHaveLength(2);
    expect(repo.git('for-each-ref', '--format=%(refname)', 'refs/heads')).toBe(
      'refs/heads/main\nrefs/heads/pr',
    );
  });
});

describe('agentgate split with nothing to split', () => {
  it('exits 1 for a control-plane-only change', async () => {
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    await repo.commit('admin tool');
    const { code, json } = split('--base', 'main');
    expect(code).toBe(1);
    expect(json.branch).toBeNull();
    expect(json.heldBack).toEqual(['registry/tools/billing/admin-billing-update.yaml']);
  });

  it('exits 1 for a data-plane-only change: the pull request ships as it is', async () => {
    repo.write(
      SUPPORT_PROMPT,
      read(SUPPORT_PROMPT).replace('version: 4', 'version: 5').replace('concise reply.', 'short reply.'),
    );
    await repo.commit('prompt tweak');
    const { code, json } = split('--base', 'main');
    expect(code).toBe(1);
    expect(json.included).toEqual([SUPPORT_PROMPT]);
  });
});

describe('agentgate split holds back what it cannot prove harmless', () => {
  it('holds back a prompt whose front matter no longer parses, and a prompt deleted with its bindings', async () => {
    repo.write(SUPPORT_PROMPT, `---\ntools: [a\n---\nbroken\n`);
    repo.write('registry/prompts/extra.txt', 'notes\n');
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    await repo.commit('broken prompt');
    const { code, json } = split('--base', 'main');
    expect(code).toBe(0);
    expect(json.heldBack).toContain(SUPPORT_PROMPT);
    expect(json.included).toEqual(['registry/prompts/extra.txt']);
  });

  it('holds back a file outside both planes', async () => {
    repo.write('scripts/deploy.sh', 'echo hi\n');
    repo.write('registry/prompts/extra.txt', 'notes\n');
    await repo.commit('ungoverned file');
    const { code, json } = split('--base', 'main');
    expect(code).toBe(0);
    expect(json.heldBack).toEqual(['scripts/deploy.sh']);
    expect(repo.git('ls-tree', '-r', '--name-only', json.branch as string)).not.toContain(
      'scripts/deploy.sh',
    );
  });
});

describe('agentgate split on agent files of a client', () => {
  const AGENT = '.claude/agents/reader.md';

  it('ships a text-only edit of a subagent and holds back one whose grants changed', async () => {
    repo.checkout('main');
    repo.write(AGENT, '---\nname: reader\ntools: Read\n---\nRead it.\n');
    repo.write('.claude/agents/writer.md', '---\nname: writer\ntools: Read\n---\nWrite it.\n');
    await repo.commit('agents');
    repo.git('branch', '-f', 'pr', 'main');
    repo.checkout('pr');
    repo.write(AGENT, '---\nname: reader\ntools: Read\n---\nRead it twice.\n');
    repo.write('.claude/agents/writer.md', '---\nname: writer\ntools: Read, Bash\n---\nWrite it now.\n');
    await repo.commit('agents: text and a new grant');
    const { json } = split('--base', 'main', '--head', 'pr', '--branch', 'split-agents');
    expect(json.included).toEqual([AGENT]);
    expect(json.heldBack).toEqual(['.claude/agents/writer.md']);
  });
});
