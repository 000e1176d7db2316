// The fake GitHub's pull request conversation: the pull and its commits, reviews and comments, the statuses and
// review requests agentgate writes, and the merged pull request GitHub associates with a commit. Each answer has
// the JSON shape GitHub's REST API gives, paginated where GitHub paginates.
import type { FakeGitHub, FakeRoute } from './fake-github.js';

export interface FakePull {
  number: number;
  author: string;
  baseSha: string;
  headSha: string;
  baseRef?: string;
  headRef?: string;
  draft?: boolean;
  state?: 'open' | 'closed';
  /** set when merged: `GET /commits/{sha}/pulls` then lists the pull for this commit */
  mergeCommitSha?: string;
  mergedAt?: string;
  requestedReviewers?: string[];
  requestedTeams?: string[];
  /** what `GET /pulls/{n}/commits` lists; default: the head, authored and committed by the PR's author */
  commits?: FakeCommit[];
}
/** A PR commit: logins are GitHub's (null = no account matches the email); names and emails are free text. */
export interface FakeCommit {
  sha: string;
  author: string | null;
  committer: string | null;
  authorEmail?: string;
  committerEmail?: string;
}
export interface FakeReview {
  id: number;
  pr: number;
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commitId: string;
  submittedAt: string;
}
export interface FakeComment {
  id: number;
  issue: number;
  user: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}
export interface FakeStatus {
  sha: string;
  state: string;
  context: string;
  description?: string | null;
  target_url?: string | null;
}

const ACTIONS_BOT = 'github-actions[bot]';

export const userJson = (login: string) => ({
  login,
  id: login.length,
  type: login.endsWith('[bot]') ? 'Bot' : 'User',
});

/** The token's own login, as GitHub attributes what it writes. */
export const selfLogin = (fake: FakeGitHub) =>
  fake.identity === 'forbidden' ? fake.botLogin || ACTIONS_BOT : fake.identity;

export function pullRoutes(
  fake: FakeGitHub,
  clock: { nextId: () => number; nextTime: () => string },
): FakeRoute[] {
  const { owner, repo } = fake;
  const htmlBase = `https://github.com/${owner}/${repo}`;
  const repoPath = '/repos/{owner}/{repo}';
  const pullJson = (p: FakePull) => ({
    number: p.number,
    state: p.state ?? 'open',
    draft: p.draft ?? false,
    title: `PR ${p.number}`,
    user: userJson(p.author),
    html_url: `${htmlBase}/pull/${p.number}`,
    base: { ref: p.baseRef ?? 'main', sha: p.baseSha, repo: { full_name: `${owner}/${repo}` } },
    head: { ref: p.headRef ?? 'feature', sha: p.headSha, repo: { full_name: `${owner}/${repo}` } },
    merged_at: p.mergedAt ?? null,
    merge_commit_sha: p.mergeCommitSha ?? null,
    requested_reviewers: (p.requestedReviewers ?? []).map(userJson),
    requested_teams: (p.requestedTeams ?? []).map((slug) => ({ slug, name: slug })),
  });
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    user: userJson(c.user),
    body: c.body,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    html_url: `${htmlBase}/pull/${c.issue}#issuecomment-${c.id}`,
  });
  const gitUser = (login: string | null, email: string | undefined) => ({
    name: login ?? 'someone',
    email: email ?? `${login ?? 'someone'}@users.noreply.github.com`,
    date: clock.nextTime(),
  });
  const commitJson = (c: FakeCommit, parent: string | null) => ({
    sha: c.sha,
    node_id: `C_${c.sha.slice(0, 8)}`,
    url: `${fake.url}/repos/${owner}/${repo}/commits/${c.sha}`,
    html_url: `${htmlBase}/commit/${c.sha}`,
    comments_url: `${fake.url}/repos/${owner}/${repo}/commits/${c.sha}/comments`,
    commit: {
      url: `${fake.url}/repos/${owner}/${repo}/git/commits/${c.sha}`,
      author: gitUser(c.author, c.authorEmail),
      committer: gitUser(c.committer, c.committerEmail),
      message: `commit ${c.sha.slice(0, 7)}`,
      comment_count: 0,
      tree: { sha: '0'.repeat(40), url: `${fake.url}/repos/${owner}/${repo}/git/trees/${'0'.repeat(40)}` },
    },
    author: c.author === null ? null : userJson(c.author),
    committer: c.committer === null ? null : userJson(c.committer),
    parents: parent ? [{ sha: parent, url: `${fake.url}/repos/${owner}/${repo}/commits/${parent}` }] : [],
  });
  const page = (
    items: unknown[],
    query: URLSearchParams,
    path: string,
  ): [number, unknown, Record<string, string>] => {
    const perPage = Number(query.get('per_page') ?? 30);
    const pageNo = Number(query.get('page') ?? 1);
    const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
    const headers: Record<string, string> = {};
    if (pageNo * perPage < items.length) {
      const next = new URLSearchParams(query);
      next.set('page', String(pageNo + 1));
      headers.link = `<${fake.url}${path}?${next}>; rel="next"`;
    }
    return [200, slice, headers];
  };
  const getPull = (n: string) => fake.pulls.get(Number(n));
  const commitsOf = (pull: FakePull) =>
    pull.commits ?? [{ sha: pull.headSha, author: pull.author, committer: pull.author }];

  return [
    {
      method: 'GET',
      template: `${repoPath}/pulls/{pull_number}`,
      handle: ([, , n]) => {
        const pull = getPull(n as string);
        return pull ? [200, pullJson(pull)] : [404, { message: 'Not Found' }];
      },
    },
    {
      method: 'GET',
      template: `${repoPath}/pulls`,
      handle: (_p, _b, query) => {
        const head = query.get('head');
        const list = [...fake.pulls.values()].filter(
          (p) => (p.state ?? 'open') === 'open' && (!head || `${owner}:${p.headRef ?? 'feature'}` === head),
        );
        return [200, list.map(pullJson)];
      },
    },
    {
      method: 'GET',
      template: `${repoPath}/commits/{commit_sha}/pulls`,
      handle: ([, , sha], _b, query) => {
        // a commit on the default branch: the pull that merged it; elsewhere: the pulls whose commits hold it
        const merged = [...fake.pulls.values()].filter((p) => p.mergeCommitSha === sha);
        const list =
          merged.length > 0
            ? merged
            : [...fake.pulls.values()].filter((p) => commitsOf(p).some((c) => c.sha === sha));
        return page(list.map(pullJson), query, `/repos/${owner}/${repo}/commits/${sha}/pulls`);
      },
    },
    {
      method: 'GET',
      template: `${repoPath}/pulls/{pull_number}/commits`,
      handle: ([, , n], _b, query) => {
        const pull = getPull(n as string);
        if (!pull) return [404, { message: 'Not Found' }];
        const commits = commitsOf(pull);
        // GitHub lists at most 250 commits of a pull request
        const list = commits
          .slice(0, 250)
          .map((c, i) => commitJson(c, i === 0 ? pull.baseSha : commits[i - 1]!.sha));
        return page(list, query, `/repos/${owner}/${repo}/pulls/${n}/commits`);
      },
    },
    {
      method: 'GET',
      template: `${repoPath}/pulls/{pull_number}/reviews`,
      handle: ([, , n], _b, query) => {
        const list = fake.reviews
          .filter((r) => r.pr === Number(n))
          .map((r) => ({
            id: r.id,
            user: userJson(r.user),
            state: r.state,
            commit_id: r.commitId,
            submitted_at: r.submittedAt,
            body: '',
            html_url: `${htmlBase}/pull/${n}#pullrequestreview-${r.id}`,
          }));
        return page(list, query, `/repos/${owner}/${repo}/pulls/${n}/reviews`);
      },
    },
    {
      method: 'GET',
      template: `${repoPath}/issues/{issue_number}/comments`,
      handle: ([, , n], _b, query) =>
        page(
          fake.comments.filter((c) => c.issue === Number(n)).map(commentJson),
          query,
          `/repos/${owner}/${repo}/issues/${n}/comments`,
        ),
    },
    {
      method: 'POST',
      template: `${repoPath}/issues/{issue_number}/comments`,
      handle: ([, , n], body) => {
        const comment = fake.addComment({
          issue: Number(n),
          user: selfLogin(fake),
          body: (body as { body: string }).body,
        });
        return [201, commentJson(comment)];
      },
    },
    {
      method: 'PATCH',
      template: `${repoPath}/issues/comments/{comment_id}`,
      handle: ([, , id], body) => {
        const comment = fake.comments.find((c) => c.id === Number(id));
        if (!comment) return [404, { message: 'Not Found' }];
        comment.body = (body as { body: string }).body;
        comment.updatedAt = clock.nextTime();
        return [200, commentJson(comment)];
      },
    },
    {
      method: 'POST',
      template: `${repoPath}/statuses/{sha}`,
      handle: ([, , sha], body) => {
        const status = { sha: sha as string, ...(body as Omit<FakeStatus, 'sha'>) };
        if ((status.description ?? '').length > 140)
          return [422, { message: 'description is too long (maximum is 140 characters)' }];
        fake.statuses.push(status);
        return [201, { id: clock.nextId(), ...status, creator: userJson(selfLogin(fake)) }];
      },
    },
    {
      method: 'POST',
      template: `${repoPath}/pulls/{pull_number}/requested_reviewers`,
      handle: ([, , n], body) => {
        const pull = getPull(n as string);
        if (!pull) return [404, { message: 'Not Found' }];
        const { reviewers = [], team_reviewers = [] } = body as {
          reviewers?: string[];
          team_reviewers?: string[];
        };
        if (reviewers.some((r) => r.toLowerCase() === pull.author.toLowerCase())) {
          return [422, { message: 'Review cannot be requested from pull request author.' }];
        }
        pull.requestedReviewers = [...new Set([...(pull.requestedReviewers ?? []), ...reviewers])];
        pull.requestedTeams = [...new Set([...(pull.requestedTeams ?? []), ...team_reviewers])];
        return [201, pullJson(pull)];
      },
    },
  ];
}
