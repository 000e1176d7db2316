import { readPullRequest } from '../core/gate/event.js';
import { ACTIONS_BOT_LOGIN } from '../core/gate/types.js';
import type {
  CommentRecord,
  MembershipState,
  PullRequestRef,
  RepoRef,
  ReviewerRequestPlan,
  ReviewRecord,
  StatusPlan,
} from '../core/gate/types.js';
import type { PrPushers } from '../core/gate/signoffs.js';
import type { GitHubClient } from './client.js';
import { GitHubError, toGitHubError } from './errors.js';

export interface PostedComment {
  id: number;
  htmlUrl: string;
}

/** GitHub's cap on `GET /pulls/{n}/commits` */
const MAX_LISTED_COMMITS = 250;

const statusOf = (error: unknown): number | null =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : null;

/**
 * The REST calls the gate makes (statuses, comments, reviews, commits, reviewers, check runs), each turning
 * Octokit's answer into the gate's plain records.
 */
export interface GitHubApiOptions {
  /**
   * The token is the job's own installation token: GitHub refuses it GET /user, so identity() answers
   * `github-actions[bot]` without spending a request that must fail.
   */
  actionsToken?: boolean;
}

export class GitHubApi {
  constructor(
    readonly client: GitHubClient,
    readonly repo: RepoRef,
    /** who the token is when `GET /user` is refused: Actions' own bot, or a GitHub App's `<slug>[bot]` */
    private readonly botLogin: string = ACTIONS_BOT_LOGIN,
    private readonly options: GitHubApiOptions = {},
  ) {}

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw error instanceof GitHubError ? error : toGitHubError(what, error);
    }
  }

  /** The login the token acts as; Actions' own token and App tokens may not ask: they are `botLogin`. */
  async identity(): Promise<string> {
    if (this.options.actionsToken) return this.botLogin;
    try {
      const { data } = await this.client.rest.users.getAuthenticated();
      return data.login;
    } catch (error) {
      if (statusOf(error) === 403) return this.botLogin;
      throw toGitHubError('GET /user', error);
    }
  }

  async pullRequest(number: number): Promise<PullRequestRef> {
    const { data } = await this.call(`GET pull request #${number}`, () =>
      this.client.rest.pulls.get({ ...this.repo, pull_number: number }),
    );
    const pr = readPullRequest(data);
    if (typeof pr === 'string') throw new GitHubError(`GET pull request #${number}: ${pr}`, null);
    return pr;
  }

  async openPullRequestFor(branch: string): Promise<number | null> {
    const list = await this.call(`GET open pull requests for ${branch}`, () =>
      this.client.rest.pulls.list({
        ...this.repo,
        head: `${this.repo.owner}:${branch}`,
        state: 'open',
        per_page: 2,
      }),
    );
    return list.data[0]?.number ?? null;
  }

  async reviews(number: number): Promise<ReviewRecord[]> {
    const list = await this.call(`GET reviews of #${number}`, () =>
      this.client.paginate(this.client.rest.pulls.listReviews, {
        ...this.repo,
        pull_number: number,
        per_page: 100,
      }),
    );
    return list.map((r) => ({
      id: r.id,
      user: r.user?.login ?? null,
      state: r.state.toUpperCase(),
      commitId: r.commit_id ?? null,
      submittedAt: r.submitted_at ?? null,
    }));
  }

  async comments(number: number): Promise<CommentRecord[]> {
    const list = await this.call(`GET comments of #${number}`, () =>
      this.client.paginate(this.client.rest.issues.listComments, {
        ...this.repo,
        issue_number: number,
        per_page: 100,
      }),
    );
    return list.map((c) => ({
      id: c.id,
      user: c.user?.login ?? null,
      body: c.body ?? '',
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      htmlUrl: c.html_url,
    }));
  }

  /**
   * Who authored or committed the PR's commits, by login only (a commit's names and emails are whatever its
   * maker typed). GitHub lists at most 250 commits: a list that long may be cut, so it is not complete. A commit
   * whose author or committer is no account is listed as unlinked: its maker cannot be told apart from a signer.
   */
  async pullPushers(number: number): Promise<PrPushers> {
    const list = await this.call(`GET commits of #${number}`, () =>
      this.client.paginate(this.client.rest.pulls.listCommits, {
        ...this.repo,
        pull_number: number,
        per_page: 100,
      }),
    );
    const logins = new Set<string>();
    const unlinked: string[] = [];
    for (const commit of list) {
      let linked = true;
      for (const who of [commit.author, commit.committer]) {
        if (who && typeof who.login === 'string' && who.login !== '') logins.add(who.login);
        else linked = false;
      }
      if (!linked) unlinked.push(commit.sha.slice(0, 7));
    }
    return { logins: [...logins].sort(), complete: list.length < MAX_LISTED_COMMITS, unlinked };
  }

  /** 403 and 404 both mean the token cannot tell (GitHub hides teams from tokens without read:org). */
  async teamMembership(org: string, slug: string, user: string): Promise<MembershipState> {
    try {
      const { data } = await this.client.rest.teams.getMembershipForUserInOrg({
        org,
        team_slug: slug,
        username: user,
      });
      return data.state === 'active' ? 'active' : 'inactive';
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) return 'unverifiable';
      throw toGitHubError(`GET membership of ${user} in @${org}/${slug}`, error);
    }
  }

  async setStatus(sha: string, status: StatusPlan, targetUrl: string | null): Promise<void> {
    await this.call(`POST status ${status.context}`, () =>
      this.client.rest.repos.createCommitStatus({
        ...this.repo,
        sha,
        state: status.state,
        context: status.context,
        description: status.description,
        ...(targetUrl ? { target_url: targetUrl } : {}),
      }),
    );
  }

  async requestReviewers(number: number, plan: ReviewerRequestPlan): Promise<void> {
    await this.call(`POST requested reviewers on #${number}`, () =>
      this.client.rest.pulls.requestReviewers({
        ...this.repo,
        pull_number: number,
        reviewers: plan.reviewers,
        team_reviewers: plan.teamReviewers,
      }),
    );
  }

  async createComment(number: number, body: string): Promise<PostedComment> {
    const { data } = await this.call(`POST comment on #${number}`, () =>
      this.client.rest.issues.createComment({ ...this.repo, issue_number: number, body }),
    );
    return { id: data.id, htmlUrl: data.html_url };
  }

  async updateComment(id: number, body: string): Promise<PostedComment> {
    const { data } = await this.call(`PATCH comment ${id}`, () =>
      this.client.rest.issues.updateComment({ ...this.repo, comment_id: id, body }),
    );
    return { id: data.id, htmlUrl: data.html_url };
  }
}
