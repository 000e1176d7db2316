// A real HTTP server that answers the REST calls agentgate makes, like GitHub would, and checks every
// request against GitHub's OpenAPI description. Tests read what was requested and what state resulted.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitState, writeRoutes } from './fake-github-writes.js';
import type { FakeGitState } from './fake-github-writes.js';
import { operationFor, validateRequest } from './github-openapi.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  operation: string | null;
  status: number;
  authorization: string | undefined;
}

export interface FakePull {
  number: number;
  author: string;
  baseSha: string;
  headSha: string;
  baseRef?: string;
  headRef?: string;
  draft?: boolean;
  state?: 'open' | 'closed';
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
export interface FailureRule {
  method?: string;
  path?: RegExp;
  status: number;
  /** how many matching requests fail; Infinity = always */
  times: number;
}
export type TeamMode = string[] | 'forbidden' | 'not-found';

export interface FakeGitHub {
  url: string;
  owner: string;
  repo: string;
  requests: RecordedRequest[];
  /** requests GitHub's schema would refuse; a test must end with none */
  violations: string[];
  pulls: Map<number, FakePull>;
  reviews: FakeReview[];
  comments: FakeComment[];
  statuses: FakeStatus[];
  teams: Map<string, TeamMode>;
  /** who the token is; 'forbidden' = GET /user answers 403, as for Actions' own token */
  identity: string | 'forbidden';
  /** when GET /user is forbidden, who the token's comments are by (Actions' bot, or an App's `<slug>[bot]`) */
  botLogin: string;
  /** check runs, git data writes, created pulls, collaborator permissions */
  git: FakeGitState;
  addPull(pull: FakePull): void;
  addReview(review: Omit<FakeReview, 'id' | 'submittedAt'> & { submittedAt?: string }): FakeReview;
  addComment(
    comment: Omit<FakeComment, 'id' | 'createdAt' | 'updatedAt'> & { createdAt?: string; updatedAt?: string },
  ): FakeComment;
  fail(rule: Omit<FailureRule, 'times'> & { times?: number }): void;
  /** the latest status per context on a commit */
  latestStatuses(sha: string): Record<string, FakeStatus>;
  close(): Promise<void>;
}

const ACTIONS_BOT = 'github-actions[bot]';
let clock = Date.UTC(2024, 5, 1);
const nextTime = () => new Date((clock += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Route {
  method: string;
  template: string;
  handle: (
    params: string[],
    body: unknown,
    query: URLSearchParams,
  ) => [number, unknown, Record<string, string>?];
}

export async function startFakeGitHub(options: { owner?: string; repo?: string } = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'agents';
  const failures: FailureRule[] = [];
  let nextId = 1000;
  const fake = {
    url: '',
    owner,
    repo,
    requests: [] as RecordedRequest[],
    violations: [] as string[],
    pulls: new Map<number, FakePull>(),
    reviews: [] as FakeReview[],
    comments: [] as FakeComment[],
    statuses: [] as FakeStatus[],
    teams: new Map<string, TeamMode>(),
    identity: 'forbidden',
    botLogin: 'github-actions[bot]',
    git: createGitState(),
  } as FakeGitHub;

  const htmlBase = `https://github.com/${owner}/${repo}`;
  const userJson = (login: string) => ({
    login,
    id: login.length,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
  });
  const pullJson = (p: FakePull) => ({
    number: p.number,
    state: p.state ?? 'open',
    draft: p.draft ?? false,
    title: `PR ${p.number}`,
    user: userJson(p.author),
    html_url: `${htmlBase}/pull/${p.number}`,
    base: { ref: p.baseRef ?? 'main', sha: p.baseSha, repo: { full_name: `${owner}/${repo}` } },
    head: { ref: p.headRef ?? 'feature', sha: p.headSha, repo: { full_name: `${owner}/${repo}` } },
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
    date: nextTime(),
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
  const self = () => (fake.identity === 'forbidden' ? fake.botLogin || ACTIONS_BOT : fake.identity);
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
  const repoPath = '/repos/{owner}/{repo}';

  const routes: Route[] = [
    {
      method: 'GET',
      template: '/user',
      handle: () =>
        fake.identity === 'forbidden'
          ? [403, { message: 'Resource not accessible by integration' }]
          : [200, userJson(fake.identity)],
    },
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
      template: `${repoPath}/pulls/{pull_number}/commits`,
      handle: ([, , n], _b, query) => {
        const pull = getPull(n as string);
        if (!pull) return [404, { message: 'Not Found' }];
        const commits = pull.commits ?? [{ sha: pull.headSha, author: pull.author, committer: pull.author }];
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
          user: self(),
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
        comment.updatedAt = nextTime();
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
        return [201, { id: ++nextId, ...status, creator: userJson(self()) }];
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
    {
      method: 'GET',
      template: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
      handle: ([org, slug, user]) => {
        const mode = fake.teams.get(`${org}/${slug}`);
        if (mode === 'forbidden') return [403, { message: 'Resource not accessible by integration' }];
        if (!mode || mode === 'not-found' || !mode.includes(user as string))
          return [404, { message: 'Not Found' }];
        return [
          200,
          {
            state: 'active',
            role: 'member',
            url: `${fake.url}/orgs/${org}/teams/${slug}/memberships/${user}`,
          },
        ];
      },
    },
  ];

  routes.push(
    ...writeRoutes(fake.git, {
      url: () => fake.url,
      owner,
      repo,
      nextId: () => ++nextId,
    }),
  );

  fake.addPull = (pull) => fake.pulls.set(pull.number, { ...pull });
  fake.addReview = (review) => {
    const record = { id: ++nextId, submittedAt: review.submittedAt ?? nextTime(), ...review } as FakeReview;
    fake.reviews.push(record);
    return record;
  };
  fake.addComment = (comment) => {
    const createdAt = comment.createdAt ?? nextTime();
    const record = {
      id: ++nextId,
      ...comment,
      createdAt,
      updatedAt: comment.updatedAt ?? createdAt,
    } as FakeComment;
    fake.comments.push(record);
    return record;
  };
  fake.fail = (rule) => failures.push({ times: 1, ...rule });
  fake.latestStatuses = (sha) =>
    Object.fromEntries(fake.statuses.filter((s) => s.sha === sha).map((s) => [s.context, s]));

  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', fake.url);
    const method = req.method ?? 'GET';
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      operation: null,
      status: 0,
      authorization: req.headers.authorization,
    };
    fake.requests.push(record);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    if (text !== '') {
      try {
        record.body = JSON.parse(text);
      } catch {
        fake.violations.push(`${method} ${url.pathname}: body is not JSON`);
        return send(400, { message: 'Problems parsing JSON' });
      }
    }
    for (const route of routes) {
      const operation = operationFor(route.method, route.template);
      const match = operation.regex.exec(url.pathname);
      if (route.method !== method || !match) continue;
      record.operation = operation.operationId;
      const problems = validateRequest(operation, url.pathname, url.searchParams, record.body);
      if (!req.headers.authorization) problems.push(`${method} ${url.pathname}: no Authorization header`);
      if (problems.length > 0) {
        fake.violations.push(...problems);
        return send(422, { message: problems.join('; ') });
      }
      const failure = failures.find(
        (f) => f.times > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(url.pathname)),
      );
      if (failure) {
        failure.times -= 1;
        return send(failure.status, { message: `injected ${failure.status}` });
      }
      const params = match.slice(1).map((p) => decodeURIComponent(p));
      const [status, payload, headers] = route.handle(params, record.body, url.searchParams);
      return send(status, payload, headers);
    }
    fake.violations.push(`${method} ${url.pathname}: no such endpoint in the fake`);
    send(404, { message: 'Not Found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
