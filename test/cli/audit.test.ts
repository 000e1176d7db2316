// agentgate audit against a real history and the fake GitHub, which lists the pull request that merged a commit
// (GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls) for the pulls it knows as merged.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/core/history/audit.js';
import { computeDiff } from '../../src/load/compute-diff.js';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { CLI_PATH } from '../helpers/run-cli.js';
import { createPullHistory } from '../helpers/merged-pulls.js';
import type { PullHistory } from '../helpers/merged-pulls.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { tool } from '../core/history/history-fixture.js';

let fake: FakeGitHub;
let repo: TempRepo;
const MERGED_AT = '2024-01-02T00:00:00Z';

let history: PullHistory;
const commit = (message: string) => history.commit(message);
const mergeBranch = (number: number, author: string, edits: (() => void)[]) =>
  history.mergePull(number, author, edits, { mergedAt: MERGED_AT });

const digestOf = async (base: string, head: string) =>
  (await computeDiff({ cwd: repo.dir, base, head })).report.planes.control.digest;

beforeAll(async () => {
  fake = await startFakeGitHub();
  repo = await createTempRepo();
  history = createPullHistory(repo, fake);
  repo.write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    signers: ["@alice", "@bob"]\n');
  repo.write('.github/CODEOWNERS', '/registry/prompts/ @acme/prompt-eng\n/registry/tools/ @acme/security\n');
  repo.write('registry/tools/read-ticket.yaml', tool('read_ticket', 'read', ['tickets:read']));
  commit('bootstrap');

  // #7: signed by an approval on its head
  const refund = mergeBranch(7, 'mallory', [
    () =>
      repo.write(
        'registry/tools/issue-refund.yaml',
        tool('issue_refund', 'irreversible', ['billing:refund']),
      ),
  ]);
  fake.addReview({ pr: 7, user: 'alice', state: 'APPROVED', commitId: refund.heads[0] as string });

  // #8: approved, then widened to admin before merging: the approval is on another digest
  const admin = mergeBranch(8, 'mallory', [
    () =>
      repo.write('registry/tools/billing-update.yaml', tool('billing_update', 'write', ['billing:write'])),
    () =>
      repo.write('registry/tools/billing-update.yaml', tool('billing_update', 'write', ['billing:admin'])),
  ]);
  fake.addReview({ pr: 8, user: 'alice', state: 'APPROVED', commitId: admin.heads[0] as string });
  fake.addReview({ pr: 8, user: 'bob', state: 'APPROVED', commitId: admin.heads[0] as string });

  // #9: signed by a /agentgate signoff comment naming the merged digest
  const widen = mergeBranch(9, 'mallory', [
    () =>
      repo.write(
        'registry/tools/read-ticket.yaml',
        tool('read_ticket', 'read', ['tickets:read', 'tickets:list']),
      ),
  ]);
  fake.addComment({
    issue: 9,
    user: 'bob',
    body: `/agentgate signoff ${await digestOf(widen.base, widen.heads[0] as string)}`,
  });

  // #10: squash-merged, its head gone from the clone: judged on the squash commit
  const squashBase = repo.git('rev-parse', 'HEAD');
  repo.write('registry/tools/send-email.yaml', tool('send_email', 'irreversible', ['mail:send']));
  const squash = commit('Send email (#10)');
  // GitHub still lists a squash-merged PR's commits (who pushed what), though they are gone from the clone
  fake.addPull({
    number: 10,
    author: 'mallory',
    baseSha: squashBase,
    headSha: 'f'.repeat(40),
    state: 'closed',
    mergeCommitSha: squash,
    mergedAt: MERGED_AT,
  });
  fake.addComment({
    issue: 10,
    user: 'alice',
    body: `/agentgate signoff ${await digestOf(squashBase, squash)}`,
  });

  // pushed straight to main
  repo.write('registry/tools/debug-shell.yaml', tool('debug_shell', 'privileged', ['host:exec']));
  commit('hotfix: debug shell');
  // a prompt-only commit does not move any tool's last change
  repo.write('registry/prompts/support.md', '---\nid: support\nversion: 1\n---\nHello.\n');
  commit('prompt');
}, 60_000);

afterAll(async () => {
  repo.cleanup();
  await fake.close();
});

function audit(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NO_COLOR: '1',
      GITHUB_TOKEN: 'test-token',
      GITHUB_REPOSITORY: 'acme/agents',
      GITHUB_API_URL: fake.url,
    };
    delete env.AGENTGATE_TOKEN;
    const child = spawn(process.execPath, [CLI_PATH, 'audit', ...args], { cwd: repo.dir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const requestsTo = (path: RegExp) => fake.requests.filter((r) => path.test(r.path)).length;
const commitLookups = () => requestsTo(/^\/repos\/acme\/agents\/commits\/[0-9a-f]{40}\/pulls$/);

describe('agentgate audit', () => {
  it('finds the tools that reached main without a sign-off on their digest', async () => {
    const result = await audit('--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as AuditReport;
    const byName = new Map(report.tools.map((t) => [t.name, t]));
    expect(report.repo).toBe('acme/agents');
    expect(report.tools.map((t) => [t.name, t.verdict])).toEqual([
      ['billing_update', 'unsigned'],
      ['debug_shell', 'no-pull-request'],
      ['issue_refund', 'signed'],
      ['send_email', 'signed'],
      ['read_ticket', 'signed'],
    ]);
    expect(report.failing).toBe(2);
    expect(byName.get('billing_update')?.reasons.join('\n')).toMatch(
      /0 of 2 sign-off\(s\)[\s\S]*approved commit [0-9a-f]{7} has capability digest/,
    );
    expect(byName.get('issue_refund')).toMatchObject({
      pull: { number: 7 },
      counted: [{ user: 'alice', via: 'review' }],
      digestSource: 'pull',
    });
    expect(byName.get('read_ticket')).toMatchObject({
      pull: { number: 9 },
      counted: [{ user: 'bob', via: 'comment' }],
    });
    expect(byName.get('send_email')).toMatchObject({
      pull: { number: 10 },
      digestSource: 'merge-commit',
      counted: [{ user: 'alice' }],
    });
    expect(fake.violations).toEqual([]);
  });

  it('says the same in text, and resumes from .git/agentgate-audit.json without asking again for what passed', async () => {
    expect(existsSync(join(repo.dir, '.git', 'agentgate-audit.json'))).toBe(true);
    const lookups = commitLookups();
    const reviews7 = requestsTo(/\/pulls\/7\/reviews$/);
    const reviews8 = requestsTo(/\/pulls\/8\/reviews$/);
    const result = await audit();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^UNSIGNED {2}billing_update {2}PRIVILEGED {2}added in [0-9a-f]{8} .* via #8 by mallory$/m,
    );
    expect(result.stdout).toMatch(/^NO PULL REQUEST {2}debug_shell/m);
    expect(result.stdout).toContain('2 of 5 tool(s) reached main');
    expect(commitLookups() - lookups).toBe(1); // only the direct push, which has no pull request to remember
    expect(requestsTo(/\/pulls\/7\/reviews$/)).toBe(reviews7);
    expect(requestsTo(/\/pulls\/8\/reviews$/)).toBe(reviews8 + 1);

    const fresh = await audit('--no-cache', '--format', 'json');
    expect(fresh.code).toBe(1);
    expect(requestsTo(/\/pulls\/7\/reviews$/)).toBe(reviews7 + 1);
  });

  it('needs a token and a readable ref', async () => {
    const noToken = await new Promise<number | null>((resolve) => {
      const env = { ...process.env, GITHUB_TOKEN: '', AGENTGATE_TOKEN: '', GITHUB_REPOSITORY: 'acme/agents' };
      spawn(process.execPath, [CLI_PATH, 'audit'], { cwd: repo.dir, env, stdio: 'ignore' }).on(
        'close',
        resolve,
      );
    });
    expect(noToken).toBe(2);
    expect((await audit('--ref', 'nope')).code).toBe(2);
    rmSync(join(repo.dir, '.git', 'agentgate-audit.json'), { force: true });
  });
});
