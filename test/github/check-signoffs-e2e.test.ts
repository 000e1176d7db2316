import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEAM_UNVERIFIABLE } from '../../src/core/gate/signoffs.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { closeGitHubFixture, openGitHubFixture, openAdminToolPull } from './harness.js';
import type { GitHubFixture } from './harness.js';
import {
  ADMIN_TOOL,
  AUTHOR,
  PR_NUMBER,
  commentEvent,
  prompt,
  pullRequestEvent,
  reviewEvent,
  runCheck,
} from './harness.js';

let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let base: string;
let head: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo, base } = fixture);
  head = await openAdminToolPull(fixture, {
    alsoWrite: {
      'registry/prompts/support/system.md': prompt(
        4,
        ['read_ticket', 'issue_refund', 'admin_billing_update'],
        'You may fix billing.',
      ),
    },
  });
});
afterEach(() => closeGitHubFixture(fixture));

const control = (sha: string) => fake.latestStatuses(sha)['agentgate/control-plane'];
const approve = (user: string, commit = head, state: 'APPROVED' | 'DISMISSED' | 'COMMENTED' = 'APPROVED') =>
  fake.addReview({ pr: PR_NUMBER, user, state, commitId: commit });
const onReview = (user: string, state = 'approved', action = 'submitted') =>
  runCheck(fake, repo, reviewEvent({ base, head }, { user, state, commit: head }, action));

/** The head's digest, as the first run's comment tells a signer to sign it. */
async function headDigest(): Promise<string> {
  await runCheck(fake, repo, pullRequestEvent({ base, head }));
  const match = /\/agentgate signoff (sha256:[0-9a-f]{64})/.exec(fake.comments[0]?.body ?? '');
  if (!match) throw new Error('no digest in the report comment');
  return match[1] as string;
}

describe('sign-offs, end to end', () => {
  it('two configured signers approving the head make the control plane succeed', async () => {
    approve('alice');
    approve('bob');
    const run = await onReview('bob');
    expect(run.code).toBe(0);
    expect(control(head)).toMatchObject({ state: 'success' });
    expect(control(head)?.description).toMatch(/^2 of 2 sign-off\(s\) for privileged change/);
    expect(fake.requests.some((r) => r.path.endsWith('/requested_reviewers'))).toBe(false);
  });

  it("the author's own approval, a non-signer's, a dismissed and a commented review leave it pending", async () => {
    approve(AUTHOR);
    approve('carol');
    approve('alice', head, 'DISMISSED');
    approve('bob', head, 'COMMENTED');
    const run = await onReview('alice', 'dismissed', 'dismissed');
    expect(run.code).toBe(0);
    expect(control(head)?.state).toBe('pending');
    expect(control(head)?.description).toMatch(/^needs 2 sign-off\(s\)/);
    const body = fake.comments[0]?.body ?? '';
    expect(body).toContain('is the PR author');
    // 404 from the team API cannot tell "not a member" from "may not look": either way it does not count
    expect(body).toMatch(/\| `carol` \| review \| ❌ /);
    expect(body).toContain('review was dismissed');
  });

  it('a sign-off survives a prompt-only push and is voided by a capability push', async () => {
    approve('alice');
    approve('bob');
    repo.write(
      'registry/prompts/support/system.md',
      prompt(5, ['read_ticket', 'issue_refund', 'admin_billing_update'], 'You may fix billing, politely.'),
    );
    const promptPush = await repo.commit('prompt only');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: promptPush });
    await runCheck(fake, repo, pullRequestEvent({ base, head: promptPush }, 'synchronize'));
    expect(control(promptPush)?.state).toBe('success');

    repo.write(
      'registry/tools/admin.yaml',
      ADMIN_TOOL.replace('[billing:admin]', '[billing:admin, users:admin]'),
    );
    const capabilityPush = await repo.commit('more authority');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: capabilityPush });
    await runCheck(fake, repo, pullRequestEvent({ base, head: capabilityPush }, 'synchronize'));
    expect(control(capabilityPush)?.state).toBe('pending');
    expect(fake.comments[0]?.body).toMatch(/approved commit [0-9a-f]{7} has capability digest/);
  });

  it('a comment sign-off counts for the right digest only', async () => {
    const digest = await headDigest();
    const wrong = `sha256:${'0'.repeat(64)}`;
    fake.addComment({ issue: PR_NUMBER, user: 'alice', body: `/agentgate signoff ${digest}` });
    fake.addComment({ issue: PR_NUMBER, user: 'bob', body: `/agentgate signoff ${wrong}` });
    const requestsBefore = fake.requests.length;
    const run = await runCheck(fake, repo, commentEvent(`/agentgate signoff ${wrong}`, 'bob'));
    expect(run.code).toBe(0);
    expect(control(head)?.state).toBe('pending');
    expect(control(head)?.description).toMatch(/, 1 present$/);
    expect(fake.requests.length - requestsBefore).toBeLessThanOrEqual(8);

    fake.addComment({ issue: PR_NUMBER, user: 'bob', body: `LGTM\n/agentgate signoff ${digest}` });
    await runCheck(fake, repo, commentEvent(`/agentgate signoff ${digest}`, 'bob'));
    expect(control(head)?.state).toBe('success');
    expect(fake.comments.filter((c) => c.user === 'github-actions[bot]')).toHaveLength(1);
  });

  it('a team signer whose membership cannot be read does not count, and the check says so', async () => {
    fake.teams.set('acme/security', 'forbidden');
    approve('alice');
    approve('dave');
    await onReview('dave');
    expect(control(head)?.state).toBe('pending');
    expect(control(head)?.description).toContain('team membership unverifiable');
    expect(fake.comments[0]?.body).toContain(TEAM_UNVERIFIABLE);
    expect(fake.requests.filter((r) => r.path.startsWith('/orgs/'))).toHaveLength(1);
  });

  it('a team signer whose membership is active counts', async () => {
    fake.teams.set('acme/security', ['dave']);
    approve('alice');
    approve('dave');
    await onReview('dave');
    expect(control(head)?.state).toBe('success');
    expect(fake.comments[0]?.body).toContain('member of `@acme/security`');
  });

  it('a signer who authored or committed a commit of the PR does not count, whatever the commit email says', async () => {
    const pull = fake.pulls.get(PR_NUMBER);
    if (!pull) throw new Error('no pull');
    pull.commits = [
      { sha: head, author: AUTHOR, committer: 'alice', authorEmail: 'someone-else@example.com' },
    ];
    approve('alice');
    approve('bob');
    await onReview('bob');
    expect(control(head)?.state).toBe('pending');
    expect(control(head)?.description).toMatch(/, 1 present$/);
    expect(fake.comments[0]?.body).toContain('authored or committed a commit of this PR');
    expect(fake.requests.some((r) => r.path === `/repos/acme/agents/pulls/${PR_NUMBER}/commits`)).toBe(true);
  });

  it('a commit whose email names a signer but whose login is someone else does not exclude the signer', async () => {
    const pull = fake.pulls.get(PR_NUMBER);
    if (!pull) throw new Error('no pull');
    pull.commits = [
      { sha: head, author: 'mallory', committer: AUTHOR, authorEmail: 'alice@users.noreply.github.com' },
    ];
    approve('alice');
    approve('bob');
    await onReview('bob');
    expect(control(head)?.state).toBe('success');
  });

  it('a commit whose author maps to no GitHub account makes every sign-off uncountable until it is pushed again', async () => {
    const pull = fake.pulls.get(PR_NUMBER);
    if (!pull) throw new Error('no pull');
    // a signer pushing under an e-mail linked to no account: GitHub gives the commit no author login
    pull.commits = [{ sha: head, author: null, committer: null, authorEmail: 'alice@laptop.local' }];
    approve('alice');
    approve('bob');
    await onReview('bob');
    expect(control(head)?.state).toBe('pending');
    expect(control(head)?.description).toContain('uncountable: a commit maps to no GitHub account');
    expect(fake.comments[0]?.body).toContain(`commit ${head.slice(0, 7)} has an author or committer`);

    pull.commits = [{ sha: head, author: AUTHOR, committer: AUTHOR }];
    await onReview('bob');
    expect(control(head)?.state).toBe('success');
  });

  it('a sign-off quoted, fenced or hidden in an HTML comment does not count', async () => {
    const digest = await headDigest();
    const cmd = `/agentgate signoff ${digest}`;
    fake.addComment({ issue: PR_NUMBER, user: 'alice', body: `> ${cmd}` });
    fake.addComment({ issue: PR_NUMBER, user: 'bob', body: `<!--\r\n${cmd}\r\n` });
    fake.addComment({ issue: PR_NUMBER, user: 'bob', body: `~~~\n${cmd}\n~~~` });
    fake.addComment({ issue: PR_NUMBER, user: 'alice', body: `<details>\n\n${cmd}\n\n</details>` });
    await runCheck(fake, repo, commentEvent(cmd, 'bob'));
    expect(control(head)?.state).toBe('pending');
    expect(control(head)?.description).not.toContain('present');
  });
});
