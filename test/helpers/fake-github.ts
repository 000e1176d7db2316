// A real HTTP server that answers the REST calls agentgate makes, like GitHub would, and checks every
// request against GitHub's OpenAPI description. Tests read what was requested and what state resulted.
// Its endpoints live by area: the pull request conversation in fake-github-pulls.ts, check runs and the git data
// API in fake-github-writes.ts; this file holds the state, the token's identity and teams, and the dispatch.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pullRoutes, userJson } from './fake-github-pulls.js';
import type { FakeComment, FakePull, FakeReview, FakeStatus } from './fake-github-pulls.js';
import { createGitState, writeRoutes } from './fake-github-writes.js';
import type { FakeGitState } from './fake-github-writes.js';
import { createOrgState, orgRoutes } from './fake-github-org.js';
import type { FakeOrgState } from './fake-github-org.js';
import { operationFor, validateRequest } from './github-openapi.js';

export type { FakeComment, FakeCommit, FakePull, FakeReview, FakeStatus } from './fake-github-pulls.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  operation: string | null;
  status: number;
  authorization: string | undefined;
}

export interface FailureRule {
  method?: string;
  path?: RegExp;
  status: number;
  /** how many matching requests fail; Infinity = always */
  times: number;
}
export type TeamMode = string[] | 'forbidden' | 'not-found';

/** One endpoint: `template` is GitHub's OpenAPI path, its `{params}` handed over in order. */
export interface FakeRoute {
  method: string;
  template: string;
  handle: (
    params: string[],
    body: unknown,
    query: URLSearchParams,
  ) => [number, unknown, Record<string, string>?];
}

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
  /** floors served by the contents API, the installation's repositories, code-scanning uploads */
  org: FakeOrgState;
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

let clock = Date.UTC(2024, 5, 1);
const nextTime = () => new Date((clock += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

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
    org: createOrgState(),
  } as FakeGitHub;

  const routes: FakeRoute[] = [
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
    ...pullRoutes(fake, { nextId: () => ++nextId, nextTime }),
    ...orgRoutes(fake.org, () => fake.url),
    ...writeRoutes(fake.git, {
      url: () => fake.url,
      owner,
      repo,
      nextId: () => ++nextId,
    }),
  ];

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
