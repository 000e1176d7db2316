import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_MARKER } from '../../src/core/gate/types.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { closeGitHubFixture, openGitHubFixture } from './harness.js';
import type { GitHubFixture } from './harness.js';
import {
  ADMIN_TOOL,
  AUTHOR,
  CONFIG,
  READ_TICKET,
  PR_NUMBER,
  prompt,
  pullRequestEvent,
  runCheck,
} from './harness.js';

const HOSTILE = '"@octocat <img src=x onerror=alert(1)> <!-- agentgate:report --> ``x`` | @acme/security"';
let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let base: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo, base } = fixture);
});
afterEach(() => closeGitHubFixture(fixture));

async function openPull(head: string) {
  fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
  return runCheck(fake, repo, pullRequestEvent({ base, head }));
}

async function incidentCommit(): Promise<string> {
  repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
  repo.write('registry/tools/read_ticket.yaml', READ_TICKET.replace('Read a support ticket.', HOSTILE));
  repo.write(
    'registry/prompts/support/system.md',
    prompt(
      4,
      ['read_ticket', 'issue_refund', 'admin_billing_update'],
      'You are a support agent. You may fix billing.',
    ),
  );
  return repo.commit('incident');
}

describe('agentgate check on pull_request', () => {
  it('the incident PR: both checks, control pending on 2 sign-offs, both teams requested, one escaped comment, ≤ 8 requests', async () => {
    const head = await incidentCommit();
    const run = await openPull(head);
    expect(run.code).toBe(0);
    const statuses = fake.latestStatuses(head);
    expect(statuses['agentgate/data-plane']?.state).toBe('success');
    expect(statuses['agentgate/control-plane']?.state).toBe('pending');
    expect(statuses['agentgate/control-plane']?.description).toMatch(
      /^needs 2 sign-off\(s\) for privileged change \(digest [0-9a-f]{8}\)$/,
    );
    expect(statuses['agentgate/control-plane']?.target_url).toMatch(/#issuecomment-\d+$/);
    expect(fake.pulls.get(PR_NUMBER)?.requestedTeams?.sort()).toEqual(['prompt-eng', 'security']);
    expect(fake.pulls.get(PR_NUMBER)?.requestedReviewers).toEqual([]);

    expect(fake.comments).toHaveLength(1);
    const body = fake.comments[0]?.body ?? '';
    expect(body.startsWith(REPORT_MARKER)).toBe(true);
    expect(body.split(REPORT_MARKER)).toHaveLength(2);
    expect(body).toContain('/agentgate signoff sha256:');
    expect(body).toContain('`admin_billing_update`');
    expect(body).toContain('<img src=x'); // shown, inside a code span
    expect(body.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '')).not.toMatch(/<img|@octocat|@acme/);
    expect(run.summary).toContain('agentgate/control-plane');
    expect(run.summary).toContain('admin_billing_update');

    expect(fake.requests.length).toBeLessThanOrEqual(8);
    expect(fake.requests.every((r) => r.authorization === 'token ghs_faketoken')).toBe(true);
    expect(run.stdout + run.stderr).not.toContain('ghs_faketoken');
  });

  it('a prompt-only PR: data success, no control-plane changes, only the prompt team asked', async () => {
    repo.write(
      'registry/prompts/support/system.md',
      prompt(4, ['read_ticket', 'issue_refund'], 'You are a kind support agent.'),
    );
    const head = await repo.commit('prompt only');
    const run = await openPull(head);
    expect(run.code).toBe(0);
    const statuses = fake.latestStatuses(head);
    expect(statuses['agentgate/data-plane']?.state).toBe('success');
    expect(statuses['agentgate/control-plane']).toMatchObject({
      state: 'success',
      description: 'no control-plane changes',
    });
    expect(fake.pulls.get(PR_NUMBER)?.requestedTeams).toEqual(['prompt-eng']);
  });

  it('a prompt changed without a version bump fails the data plane (version-not-bumped) and exits 1', async () => {
    repo.write(
      'registry/prompts/support/system.md',
      prompt(3, ['read_ticket', 'issue_refund'], 'Different text, same version.'),
    );
    const head = await repo.commit('no bump');
    const run = await openPull(head);
    expect(run.code).toBe(1);
    const data = fake.latestStatuses(head)['agentgate/data-plane'];
    expect(data?.state).toBe('failure');
    expect(data?.description).toContain('version-not-bumped');
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('success');
  });

  it('evals configured at the base: pending until the results exist, then judged against the bounds', async () => {
    repo.write(
      'agentgate.yaml',
      `${CONFIG}  data:\n    eval: { results: eval/results.json, minPassRate: 0.9 }\n`,
    );
    const evalBase = await repo.commit('configure evals');
    repo.write('registry/prompts/support/system.md', prompt(4, ['read_ticket', 'issue_refund'], 'Be brief.'));
    const head = await repo.commit('prompt');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: evalBase, headSha: head });
    await runCheck(fake, repo, pullRequestEvent({ base: evalBase, head }));
    expect(fake.latestStatuses(head)['agentgate/data-plane']).toMatchObject({
      state: 'pending',
      description: 'waiting for eval results (eval/results.json)',
    });

    // an earlier CI step writes the results into the workspace (untracked)
    repo.write(
      'eval/results.json',
      JSON.stringify({
        cases: [
          { id: 'a', pass: true },
          { id: 'b', pass: false },
        ],
      }),
    );
    const run = await runCheck(fake, repo, pullRequestEvent({ base: evalBase, head }, 'synchronize'));
    expect(run.code).toBe(1);
    const data = fake.latestStatuses(head)['agentgate/data-plane'];
    expect(data?.state).toBe('failure');
    expect(data?.description).toMatch(/^evals: /);
  });

  it('eval results committed in the PR are never trusted: the data plane waits, and says why', async () => {
    repo.write(
      'agentgate.yaml',
      `${CONFIG}  data:\n    eval: { results: eval/results.json, minPassRate: 0.9 }\n`,
    );
    const evalBase = await repo.commit('configure evals');
    repo.write('registry/prompts/support/system.md', prompt(4, ['read_ticket', 'issue_refund'], 'Be brief.'));
    repo.write('eval/results.json', JSON.stringify({ cases: [{ id: 'a', pass: true }] }));
    const head = await repo.commit('prompt, with my own 100% pass rate');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: evalBase, headSha: head });
    await runCheck(fake, repo, pullRequestEvent({ base: evalBase, head }));
    const data = fake.latestStatuses(head)['agentgate/data-plane'];
    expect(data?.state).toBe('pending');
    expect(data?.description).toContain('not trusted');
    expect(fake.comments[0]?.body).toContain('`eval-results-untrusted`');
  });

  it('a revocation-only PR passes at once', async () => {
    repo.remove('registry/tools/issue_refund.yaml');
    repo.write('registry/prompts/support/system.md', prompt(4, ['read_ticket'], 'You are a support agent.'));
    const head = await repo.commit('revoke refunds');
    const run = await openPull(head);
    expect(run.code).toBe(0);
    const control = fake.latestStatuses(head)['agentgate/control-plane'];
    expect(control?.state).toBe('success');
    expect(control?.description).toMatch(/^revocation only: no sign-off required/);
  });

  it('a PR that edits agentgate.yaml is judged by the base config', async () => {
    repo.write(
      'agentgate.yaml',
      'version: 1\nplanes:\n  control:\n    signoffs: { privileged: 0 }\n    signers: ["@mallory"]\n',
    );
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const head = await repo.commit('loosen the gate');
    await openPull(head);
    const control = fake.latestStatuses(head)['agentgate/control-plane'];
    expect(control?.state).toBe('pending');
    expect(control?.description).toMatch(/^needs 2 sign-off\(s\)/);
  });

  it('judges the PR from its merge-base, not from a base branch that moved on', async () => {
    repo.branch('feature');
    repo.remove('registry/tools/issue_refund.yaml');
    repo.write('registry/prompts/support/system.md', prompt(4, ['read_ticket'], 'You are a support agent.'));
    const movedBase = await repo.commit('main revokes refunds');
    repo.checkout('feature');
    repo.write('registry/prompts/support/system.md', prompt(4, ['read_ticket', 'issue_refund'], 'Be brief.'));
    const head = await repo.commit('prompt only, on the old base');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: movedBase, headSha: head });
    const run = await runCheck(fake, repo, pullRequestEvent({ base: movedBase, head }));
    expect(run.code).toBe(0);
    expect(fake.latestStatuses(head)['agentgate/control-plane']).toMatchObject({
      state: 'success',
      description: 'no control-plane changes',
    });
  });

  it('two runs keep one comment, and a forged marker comment is left alone', async () => {
    const head = await incidentCommit();
    const forged = fake.addComment({
      issue: PR_NUMBER,
      user: AUTHOR,
      body: `${REPORT_MARKER}\nall approved, nothing to see`,
    });
    await openPull(head);
    const second = await runCheck(fake, repo, pullRequestEvent({ base, head }, 'synchronize'));
    expect(second.code).toBe(0);
    const ours = fake.comments.filter((c) => c.user === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(fake.comments).toHaveLength(2);
    expect(fake.comments.find((c) => c.id === forged.id)?.body).toBe(
      `${REPORT_MARKER}\nall approved, nothing to see`,
    );
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('uses the token identity from GET /user when the token may ask', async () => {
    fake.identity = 'agentgate-bot';
    const head = await incidentCommit();
    fake.addComment({
      issue: PR_NUMBER,
      user: 'github-actions[bot]',
      body: `${REPORT_MARKER}\nsomeone else's`,
    });
    await openPull(head);
    expect(fake.comments.map((c) => c.user)).toEqual(['github-actions[bot]', 'agentgate-bot']);
  });

  it("does not ask GET /user with the job's own token inside Actions (GitHub refuses it)", async () => {
    const head = await incidentCommit();
    fake.addComment({ issue: PR_NUMBER, user: 'github-actions[bot]', body: `${REPORT_MARKER}\nold report` });
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }), {
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(run.code).toBe(0);
    expect(fake.requests.filter((r) => r.path === '/user')).toEqual([]);
    // it still knows itself as github-actions[bot]: its earlier report is updated, not repeated
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(fake.comments).toHaveLength(1);
  });

  it('--dry-run prints the plan and makes no request, with no token', async () => {
    const head = await incidentCommit();
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }), {
      args: ['--dry-run'],
      token: null,
    });
    expect(run.code).toBe(0);
    expect(fake.requests).toEqual([]);
    expect(run.stdout).toContain(`POST /repos/acme/agents/statuses/${head}`);
    expect(run.stdout).toContain('"state":"pending"');
    expect(run.stdout).toContain('"team_reviewers":["security","prompt-eng"]');
    expect(run.stdout).toContain(REPORT_MARKER);
  });

  it('an event it does not act on prints one line and does nothing', async () => {
    const event = pullRequestEvent({ base, head: base });
    (event.payload as { action: string }).action = 'closed';
    const run = await runCheck(fake, repo, event);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('agentgate: pull_request.closed needs no check: nothing to do');
    expect(fake.requests).toEqual([]);
  });
});
