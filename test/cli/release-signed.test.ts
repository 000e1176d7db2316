// agentgate release --require-signed against a real history and the fake GitHub: a control release goes ahead only
// when every capability change in its range came through a merged pull request whose sign-offs count on the merged
// capability digest, judged as `audit` judges it (SPEC section 11). Without GitHub, nothing is proven: refused.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ControlBundle } from '../../src/core/release/bundle.js';
import { computeDiff } from '../../src/load/compute-diff.js';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeCommit, FakeGitHub } from '../helpers/fake-github.js';
import { runCli } from '../helpers/run-cli.js';
import { runCliAsync } from '../helpers/run-cli-async.js';
import { createPullHistory } from '../helpers/merged-pulls.js';
import type { PullHistory } from '../helpers/merged-pulls.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { tool } from '../core/history/history-fixture.js';

let fake: FakeGitHub;
let repo: TempRepo;
let history: PullHistory;
const commit = (message: string) => history.commit(message);
const mergePull = (
  number: number,
  author: string,
  edits: (() => void)[],
  commits?: (heads: string[]) => FakeCommit[],
) => history.mergePull(number, author, edits, { commits });

const digestOf = async (base: string, head: string) =>
  (await computeDiff({ cwd: repo.dir, base, head, skipEval: true })).report.planes.control.digest;

const addTool = (name: string, effect: string, scopes: string[]) => () =>
  repo.write(`registry/tools/${name.replace(/_/g, '-')}.yaml`, tool(name, effect, scopes));

function releaseSigned(apiUrl = fake.url, ...args: string[]) {
  return runCliAsync(['release', '--plane', 'control', '--out', 'out', '--require-signed', ...args], {
    cwd: repo.dir,
    env: {
      GITHUB_TOKEN: 'test-token',
      AGENTGATE_TOKEN: undefined,
      GITHUB_REPOSITORY: 'acme/agents',
      GITHUB_API_URL: apiUrl,
    },
  });
}

const tags = () => repo.git('tag', '--list', 'agentgate/control/*').split('\n').filter(Boolean);
const requested = (path: RegExp) => fake.requests.filter((r) => path.test(r.path)).length;

/** Nothing of v2 exists: no bundle, no tag. */
function expectNothingReleased(): void {
  expect(existsSync(join(repo.dir, 'out/agentgate-control-v2.json'))).toBe(false);
  expect(tags()).toEqual(['agentgate/control/v1']);
}

beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.close());

beforeEach(async () => {
  fake.pulls.clear();
  fake.reviews.length = 0;
  fake.comments.length = 0;
  fake.requests.length = 0;
  fake.violations.length = 0;
  repo = await createTempRepo();
  history = createPullHistory(repo, fake);
  repo.write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    signers: ["@alice", "@bob"]\n');
  repo.write('registry/tools/read-ticket.yaml', tool('read_ticket', 'read', ['tickets:read']));
  repo.write('.gitignore', 'out/\n');
  commit('bootstrap');
  const v1 = runCli(['release', '--plane', 'control', '--out', 'out'], {
    cwd: repo.dir,
    env: { AGENTGATE_TOKEN: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: '' },
  });
  expect(v1.code).toBe(0);
});
afterEach(() => {
  expect(fake.violations).toEqual([]);
  repo.cleanup();
});

describe('agentgate release --require-signed with GitHub', () => {
  it('releases when every capability change carries a sign-off on its exact digest, and says what it released', async () => {
    // #1: an approval of the head; #2: a signoff comment naming the merged digest
    const refund = mergePull(1, 'mallory', [addTool('issue_refund', 'irreversible', ['billing:refund'])]);
    fake.addReview({ pr: 1, user: 'alice', state: 'APPROVED', commitId: refund.head });
    const widen = mergePull(2, 'mallory', [
      () =>
        repo.write(
          'registry/tools/read-ticket.yaml',
          tool('read_ticket', 'read', ['tickets:read', 'tickets:list']),
        ),
    ]);
    fake.addComment({
      issue: 2,
      user: 'bob',
      body: `/agentgate signoff ${await digestOf(widen.base, widen.head)}`,
    });

    const result = await releaseSigned();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `released control plane v2 at ${widen.merge.slice(0, 12)}: ${join('out', 'agentgate-control-v2.json')}`,
    );
    expect(result.stdout).toContain('tagged agentgate/control/v2');
    expect(result.stdout).toContain('issue_refund');
    const bundle = JSON.parse(
      readFileSync(join(repo.dir, 'out/agentgate-control-v2.json'), 'utf8'),
    ) as ControlBundle;
    expect(bundle.commit).toBe(widen.merge);
    expect(bundle.tools.map((t) => t.name).sort()).toEqual(['issue_refund', 'read_ticket']);
    expect(bundle.tools.find((t) => t.name === 'read_ticket')?.scopes).toEqual(
      expect.arrayContaining(['tickets:read', 'tickets:list']),
    );
    expect(tags()).toEqual(['agentgate/control/v1', 'agentgate/control/v2']);
    // proven on GitHub, not waved through: each merge's pull request was looked up and its sign-offs read
    expect(requested(new RegExp(`/commits/${refund.merge}/pulls$`))).toBe(1);
    expect(requested(new RegExp(`/commits/${widen.merge}/pulls$`))).toBe(1);
    expect(requested(/\/pulls\/1\/reviews$/)).toBe(1);
    expect(requested(/\/issues\/2\/comments$/)).toBe(1);
  });

  it('refuses a sign-off given on another digest: approved, then widened before merging', async () => {
    const billing = mergePull(3, 'mallory', [
      addTool('billing_update', 'write', ['billing:write']),
      addTool('billing_update', 'write', ['billing:admin']),
    ]);
    const approved = billing.heads[0] as string;
    fake.addReview({ pr: 3, user: 'alice', state: 'APPROVED', commitId: approved });
    fake.addComment({
      issue: 3,
      user: 'bob',
      body: `/agentgate signoff ${await digestOf(billing.base, approved)}`,
    });
    const merged = await digestOf(billing.base, billing.head);
    expect(merged).not.toBe(await digestOf(billing.base, approved));

    const result = await releaseSigned(fake.url, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { released: boolean; reason: string; unsigned: string[] };
    expect(json).toMatchObject({ released: false, reason: 'unsigned' });
    expect(json.unsigned).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${billing.merge.slice(0, 12)} Merge pull request #3: pull request #3 needed [1-9]\\d* sign-off\\(s\\) on ${merged.slice(0, 15)}, had 0$`,
        ),
      ),
    ]);
    expectNothingReleased();
  });

  it("refuses a sign-off by whoever wrote the change: a commit's author, or the pull request's own author", async () => {
    // #4 is mallory's, but alice authored its commit: her approval and her comment do not count
    const pushed = mergePull(
      4,
      'mallory',
      [addTool('issue_refund', 'irreversible', ['billing:refund'])],
      (heads) => [{ sha: heads[0] as string, author: 'alice', committer: 'mallory' }],
    );
    fake.addReview({ pr: 4, user: 'alice', state: 'APPROVED', commitId: pushed.head });
    fake.addComment({
      issue: 4,
      user: 'alice',
      body: `/agentgate signoff ${await digestOf(pushed.base, pushed.head)}`,
    });
    // #5 is bob's own: a signer cannot sign his own pull request
    const own = mergePull(5, 'bob', [addTool('send_email', 'irreversible', ['mail:send'])]);
    fake.addComment({
      issue: 5,
      user: 'bob',
      body: `/agentgate signoff ${await digestOf(own.base, own.head)}`,
    });

    const result = await releaseSigned(fake.url, '--format', 'json');
    expect(result.code).toBe(1);
    const { unsigned } = JSON.parse(result.stdout) as { unsigned: string[] };
    expect(unsigned).toEqual([
      expect.stringMatching(
        new RegExp(`^${own.merge.slice(0, 12)} .*pull request #5 needed 1 sign-off\\(s\\) .*, had 0$`),
      ),
      expect.stringMatching(
        new RegExp(`^${pushed.merge.slice(0, 12)} .*pull request #4 needed 1 sign-off\\(s\\) .*, had 0$`),
      ),
    ]);
    expect(requested(/\/pulls\/4\/commits$/)).toBe(1);
    expectNothingReleased();
  });

  it('holds the whole range for one unsigned change: a push straight to the branch has no pull request', async () => {
    const refund = mergePull(6, 'mallory', [addTool('issue_refund', 'irreversible', ['billing:refund'])]);
    fake.addReview({ pr: 6, user: 'alice', state: 'APPROVED', commitId: refund.head });
    addTool('debug_shell', 'privileged', ['host:exec'])();
    const hotfix = commit('hotfix: debug shell');

    const result = await releaseSigned();
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      `  ${hotfix.slice(0, 12)} hotfix: debug shell: reached the branch without a pull request`,
    ]);
    expect(result.stdout).toMatch(/^refused: control v2 holds capability changes without a sign-off/);
    expectNothingReleased();
  });

  it('refuses, fail closed, when GitHub cannot be reached: one line, exit 2, no stack', async () => {
    const refund = mergePull(7, 'mallory', [addTool('issue_refund', 'irreversible', ['billing:refund'])]);
    fake.addReview({ pr: 7, user: 'alice', state: 'APPROVED', commitId: refund.head });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const result = await releaseSigned(deadUrl);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('could not reach GitHub')]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expectNothingReleased();
    // the same change is released once GitHub answers: the refusal was for want of proof, not for the change
    expect((await releaseSigned()).code).toBe(0);
  });

  it('refuses when GitHub fails mid-way (5xx after retries), and never counts the change as signed', async () => {
    const refund = mergePull(8, 'mallory', [addTool('issue_refund', 'irreversible', ['billing:refund'])]);
    fake.addReview({ pr: 8, user: 'alice', state: 'APPROVED', commitId: refund.head });
    fake.fail({ method: 'GET', path: /\/pulls\/8\/reviews$/, status: 502, times: Infinity });

    const result = await releaseSigned();
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/HTTP 502.*GitHub is unavailable/),
    ]);
    expectNothingReleased();
  });
});
