import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubApi } from '../../src/github/api.js';
import { publishGate } from '../../src/gate/publish.js';
import { setErrorStatuses } from '../../src/github/apply-plan.js';
import { createGitHubClient } from '../../src/github/client.js';
import { GitHubError } from '../../src/github/errors.js';
import type { GatePlan } from '../../src/core/gate/types.js';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';

const HEAD = 'b'.repeat(40);
let fake: FakeGitHub;
let api: GitHubApi;

beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.addPull({ number: 7, author: 'mallory', baseSha: 'a'.repeat(40), headSha: HEAD });
  api = new GitHubApi(createGitHubClient({ token: 'ghs_secret', baseUrl: fake.url }), {
    owner: 'acme',
    repo: 'agents',
  });
});
afterEach(async () => {
  await fake.close();
  expect(fake.violations).toEqual([]);
});

const plan = (overrides: Partial<GatePlan> = {}): GatePlan => ({
  repo: { owner: 'acme', repo: 'agents' },
  pr: {
    number: 7,
    author: 'mallory',
    baseSha: 'a'.repeat(40),
    headSha: HEAD,
    baseRef: 'main',
    headRef: 'f',
    draft: false,
    open: true,
    requestedReviewers: [],
    requestedTeams: [],
  },
  statuses: {
    data: { context: 'agentgate/data-plane', state: 'success', description: 'no data-plane changes' },
    control: { context: 'agentgate/control-plane', state: 'pending', description: 'needs 2 sign-off(s)' },
  },
  reviewers: { reviewers: ['alice'], teamReviewers: ['security'] },
  comment: { existingId: null, body: '<!-- agentgate:report -->\nhello' },
  summary: '',
  notes: [],
  targetUrl: null,
  ...overrides,
});

describe('GitHubApi against the fake GitHub', () => {
  it('reads who pushed to a PR from every page of its commits, by login only', async () => {
    const pull = fake.pulls.get(7);
    if (!pull) throw new Error('no pull');
    pull.commits = Array.from({ length: 130 }, (_, i) => ({
      sha: i.toString(16).padStart(40, '0'),
      author: i === 120 ? 'alice' : 'mallory',
      committer: i === 3 ? 'web-flow' : i === 7 ? null : 'mallory',
      authorEmail: i === 5 ? 'bob@example.com' : undefined,
    }));
    // commit 7's committer maps to no account: its maker is unknown
    expect(await api.pullPushers(7)).toEqual({
      logins: ['alice', 'mallory', 'web-flow'],
      complete: true,
      unlinked: ['0000000'],
    });
    expect(fake.requests.filter((r) => r.path.endsWith('/pulls/7/commits'))).toHaveLength(2);
  });

  it('says the list may be cut when GitHub lists 250 commits', async () => {
    const pull = fake.pulls.get(7);
    if (!pull) throw new Error('no pull');
    pull.commits = Array.from({ length: 300 }, (_, i) => ({
      sha: i.toString(16).padStart(40, '0'),
      author: 'mallory',
      committer: 'mallory',
    }));
    expect((await api.pullPushers(7)).complete).toBe(false);
  });

  it('reads the PR, and identity falls back to github-actions[bot] when GET /user is forbidden', async () => {
    expect(await api.identity()).toBe('github-actions[bot]');
    fake.identity = 'agentgate-app';
    expect(await api.identity()).toBe('agentgate-app');
    expect((await api.pullRequest(7)).headSha).toBe(HEAD);
  });

  it('answers the App bot login for an installation token when an app slug names the App', async () => {
    const app = new GitHubApi(
      createGitHubClient({ token: 'ghs_secret', baseUrl: fake.url }),
      { owner: 'acme', repo: 'agents' },
      'acme-gate[bot]',
      { actionsToken: true },
    );
    expect(await app.identity()).toBe('acme-gate[bot]');
    expect(fake.requests).toEqual([]);
  });

  it("answers github-actions[bot] for the job's own token without asking GET /user", async () => {
    fake.identity = 'agentgate-app';
    const job = new GitHubApi(
      createGitHubClient({ token: 'ghs_secret', baseUrl: fake.url }),
      { owner: 'acme', repo: 'agents' },
      undefined,
      { actionsToken: true },
    );
    expect(await job.identity()).toBe('github-actions[bot]');
    expect(fake.requests).toEqual([]);
  });

  it('follows pagination for reviews', async () => {
    for (let i = 0; i < 130; i++)
      fake.addReview({ pr: 7, user: `u${i}`, state: 'COMMENTED', commitId: HEAD });
    expect(await api.reviews(7)).toHaveLength(130);
    expect(fake.requests.filter((r) => r.path.endsWith('/reviews'))).toHaveLength(2);
  });

  it('retries a transient 502 and succeeds', async () => {
    fake.fail({ path: /\/comments$/, status: 502 });
    expect(await api.comments(7)).toEqual([]);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it('gives up on a GitHub that keeps failing with one clear error', async () => {
    fake.fail({ status: 500, times: Infinity });
    const error = await api.reviews(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toBe(
      'GET reviews of #7 failed with HTTP 500 (injected 500) after retries: GitHub is unavailable',
    );
    expect(fake.requests).toHaveLength(4);
    expect((error as Error).message).not.toContain('ghs_secret');
  });

  it('says GitHub could not be reached when nothing answered, never an HTTP status it did not send', async () => {
    // Octokit reports a refused connection as status 500; no response came, so there is no status to name
    const closed = await startFakeGitHub();
    await closed.close();
    const unreachable = new GitHubApi(createGitHubClient({ token: 'ghs_secret', baseUrl: closed.url }), {
      owner: 'acme',
      repo: 'agents',
    });
    const error = await unreachable.reviews(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBeNull();
    expect((error as Error).message).toBe('GET reviews of #7 failed: could not reach GitHub (ECONNREFUSED)');
    expect(closed.requests).toEqual([]);
  });

  it('team membership: active counts; 403 and 404 are unverifiable', async () => {
    fake.teams.set('acme/security', ['dave']);
    expect(await api.teamMembership('acme', 'security', 'dave')).toBe('active');
    expect(await api.teamMembership('acme', 'security', 'erin')).toBe('unverifiable');
    fake.teams.set('acme/security', 'forbidden');
    expect(await api.teamMembership('acme', 'security', 'dave')).toBe('unverifiable');
  });
});

// the gate as `check` writes it: comment first, then reviewers, then both statuses pointing at the comment
const publishStatuses = (api: GitHubApi, gate: GatePlan) =>
  publishGate(api, {
    plan: gate,
    sha: gate.pr.headSha,
    comment: { kind: 'upsert' },
    passedBody: '',
    report: 'statuses',
    checkRuns: [],
    annotations: [],
    printAnnotations: false,
    print: () => undefined,
  });

describe('publishGate, statuses only', () => {
  it('writes comment, reviewers and both statuses pointing at the comment, in four requests', async () => {
    const result = await publishStatuses(api, plan());
    expect(fake.requests.map((r) => `${r.method} ${r.operation}`)).toEqual([
      'POST issues/create-comment',
      'POST pulls/request-reviewers',
      'POST repos/create-commit-status',
      'POST repos/create-commit-status',
    ]);
    const statuses = fake.latestStatuses(HEAD);
    expect(statuses['agentgate/control-plane']?.state).toBe('pending');
    expect(statuses['agentgate/data-plane']?.target_url).toBe(result.comment?.htmlUrl);
  });

  it('updates the existing comment in place', async () => {
    const mine = fake.addComment({ issue: 7, user: 'github-actions[bot]', body: 'old' });
    await publishStatuses(api, plan({ comment: { existingId: mine.id, body: 'new' }, reviewers: null }));
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toBe('new');
  });

  it('a reviewer GitHub refuses (422) is a note, not a failure', async () => {
    const result = await publishStatuses(
      api,
      plan({ reviewers: { reviewers: ['mallory'], teamReviewers: [] } }),
    );
    expect(result.notes[0]).toMatch(/reviewers not requested: .*422/);
    expect(fake.latestStatuses(HEAD)['agentgate/control-plane']?.state).toBe('pending');
  });

  it('setErrorStatuses fails closed and reports when even that is impossible', async () => {
    expect(await setErrorStatuses(api, HEAD, 'x'.repeat(300))).toBeNull();
    const control = fake.latestStatuses(HEAD)['agentgate/control-plane'];
    expect(control?.state).toBe('error');
    expect(control?.description?.length).toBe(140);
    fake.fail({ status: 500, times: Infinity });
    expect(await setErrorStatuses(api, HEAD, 'down')).toBeInstanceOf(GitHubError);
  });
});

describe('the fake checks requests against GitHub’s OpenAPI description', () => {
  it('records a request GitHub would refuse', async () => {
    const client = createGitHubClient({ token: 't', baseUrl: fake.url });
    await client
      .request('POST /repos/{owner}/{repo}/statuses/{sha}', {
        owner: 'acme',
        repo: 'agents',
        sha: HEAD,
        state: 'bogus' as 'error',
      })
      .catch(() => undefined);
    expect(fake.violations.join('\n')).toMatch(/body data\/state must be equal to one of the allowed values/);
    fake.violations.length = 0;
  });
});
