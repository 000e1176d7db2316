// The fake GitHub's write endpoints for check runs and for building a branch through the git data API (trees,
// commits, refs, pulls), with GitHub's own refusals: more than 50 annotations in one request, a missing
// `checks: write` or `contents: write` (403), a ref that exists (422).
import { createHash } from 'node:crypto';

export interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
}
export interface FakeCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  title: string;
  summary: string;
  text: string;
  annotations: FakeAnnotation[];
  /** one entry per request that carried annotations: how many it carried */
  batches: number[];
}
export interface FakeTreeEntry {
  path: string;
  mode: string;
  type?: string;
  sha?: string | null;
  content?: string;
}
export interface FakeGitState {
  trees: Map<string, { baseTree: string | null; entries: FakeTreeEntry[] }>;
  commits: Map<string, { message: string; tree: string; parents: string[] }>;
  refs: Map<string, string>;
  createdPulls: { number: number; title: string; head: string; base: string; body: string }[];
  checkRuns: FakeCheckRun[];
  /** login -> role (admin, maintain, write, triage, read); unknown users read */
  permissions: Map<string, string>;
  /** the token has no checks: write */
  checksForbidden: boolean;
  /** the token has no contents: write */
  pushForbidden: boolean;
}

type Handler = (params: string[], body: unknown) => [number, unknown];
export interface WriteRoute {
  method: string;
  template: string;
  handle: Handler;
}

const fakeSha = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');
const FORBIDDEN: [number, unknown] = [403, { message: 'Resource not accessible by integration' }];

export function createGitState(): FakeGitState {
  return {
    trees: new Map(),
    commits: new Map(),
    refs: new Map(),
    createdPulls: [],
    checkRuns: [],
    permissions: new Map(),
    checksForbidden: false,
    pushForbidden: false,
  };
}

export function writeRoutes(
  state: FakeGitState,
  context: { url: () => string; owner: string; repo: string; nextId: () => number },
): WriteRoute[] {
  const repoPath = '/repos/{owner}/{repo}';
  const html = `https://github.com/${context.owner}/${context.repo}`;
  const runJson = (run: FakeCheckRun) => ({
    id: run.id,
    name: run.name,
    head_sha: run.headSha,
    status: run.status,
    conclusion: run.conclusion,
    html_url: `${html}/runs/${run.id}`,
    output: {
      title: run.title,
      summary: run.summary,
      text: run.text,
      annotations_count: run.annotations.length,
    },
  });
  type Output = { title?: string; summary?: string; text?: string; annotations?: FakeAnnotation[] };
  const tooMany = (output: Output | undefined): boolean => (output?.annotations?.length ?? 0) > 50;
  return [
    {
      method: 'POST',
      template: `${repoPath}/check-runs`,
      handle: (_p, body) => {
        if (state.checksForbidden) return FORBIDDEN;
        const b = body as {
          name: string;
          head_sha: string;
          status?: string;
          conclusion?: string;
          output?: Output;
        };
        if (tooMany(b.output)) return [422, { message: 'Only 50 annotations may be sent per request' }];
        if (b.output && (b.output.summary ?? '').length > 65_535)
          return [422, { message: 'summary too long' }];
        if (b.output && (b.output.text ?? '').length > 65_535) return [422, { message: 'text too long' }];
        const annotations = b.output?.annotations ?? [];
        const run: FakeCheckRun = {
          id: context.nextId(),
          name: b.name,
          headSha: b.head_sha,
          status: b.conclusion ? 'completed' : (b.status ?? 'queued'),
          conclusion: b.conclusion ?? null,
          title: b.output?.title ?? '',
          summary: b.output?.summary ?? '',
          text: b.output?.text ?? '',
          annotations: [...annotations],
          batches: annotations.length > 0 ? [annotations.length] : [],
        };
        state.checkRuns.push(run);
        return [201, runJson(run)];
      },
    },
    {
      method: 'PATCH',
      template: `${repoPath}/check-runs/{check_run_id}`,
      handle: ([, , id], body) => {
        if (state.checksForbidden) return FORBIDDEN;
        const run = state.checkRuns.find((r) => r.id === Number(id));
        if (!run) return [404, { message: 'Not Found' }];
        const b = body as { output?: Output; status?: string; conclusion?: string };
        if (tooMany(b.output)) return [422, { message: 'Only 50 annotations may be sent per request' }];
        const annotations = b.output?.annotations ?? [];
        run.annotations.push(...annotations);
        if (annotations.length > 0) run.batches.push(annotations.length);
        if (b.conclusion) Object.assign(run, { conclusion: b.conclusion, status: 'completed' });
        return [200, runJson(run)];
      },
    },
    {
      method: 'GET',
      template: `${repoPath}/collaborators/{username}/permission`,
      handle: ([, , user]) => {
        const role = state.permissions.get(user as string) ?? 'read';
        const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
        return [200, { permission, role_name: role, user: { login: user, id: 1, type: 'User' } }];
      },
    },
    {
      method: 'POST',
      template: `${repoPath}/git/trees`,
      handle: (_p, body) => {
        if (state.pushForbidden) return FORBIDDEN;
        const b = body as { base_tree?: string; tree: FakeTreeEntry[] };
        for (const entry of b.tree) {
          if (entry.sha !== undefined && entry.content !== undefined)
            return [422, { message: `${entry.path}: sha and content are exclusive` }];
        }
        const sha = fakeSha(b);
        state.trees.set(sha, { baseTree: b.base_tree ?? null, entries: b.tree });
        return [201, { sha, url: `${context.url()}/repos/x/y/git/trees/${sha}`, truncated: false, tree: [] }];
      },
    },
    {
      method: 'POST',
      template: `${repoPath}/git/commits`,
      handle: (_p, body) => {
        if (state.pushForbidden) return FORBIDDEN;
        const b = body as { message: string; tree: string; parents?: string[] };
        if (!state.trees.has(b.tree)) return [422, { message: 'Tree SHA does not exist' }];
        const sha = fakeSha(b);
        state.commits.set(sha, { message: b.message, tree: b.tree, parents: b.parents ?? [] });
        const person = { name: 'agentgate', email: 'bot@example.com', date: '2024-06-01T00:00:00Z' };
        return [
          201,
          {
            sha,
            node_id: `C_${sha.slice(0, 8)}`,
            url: `${context.url()}/repos/x/y/git/commits/${sha}`,
            html_url: `${html}/commit/${sha}`,
            author: person,
            committer: person,
            message: b.message,
            tree: { sha: b.tree, url: `${context.url()}/repos/x/y/git/trees/${b.tree}` },
            parents: (b.parents ?? []).map((p) => ({ sha: p, url: '', html_url: '' })),
            verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
          },
        ];
      },
    },
    {
      method: 'POST',
      template: `${repoPath}/git/refs`,
      handle: (_p, body) => {
        if (state.pushForbidden) return FORBIDDEN;
        const b = body as { ref: string; sha: string };
        if (state.refs.has(b.ref)) return [422, { message: 'Reference already exists' }];
        if (!state.commits.has(b.sha)) return [422, { message: 'Object does not exist' }];
        state.refs.set(b.ref, b.sha);
        return [
          201,
          { ref: b.ref, node_id: 'R_1', url: '', object: { sha: b.sha, type: 'commit', url: '' } },
        ];
      },
    },
    {
      method: 'POST',
      template: `${repoPath}/pulls`,
      handle: (_p, body) => {
        if (state.pushForbidden) return FORBIDDEN;
        const b = body as { title: string; head: string; base: string; body?: string };
        if (!state.refs.has(`refs/heads/${b.head}`))
          return [422, { message: `head ${b.head} does not exist` }];
        const number = 100 + state.createdPulls.length;
        state.createdPulls.push({ number, title: b.title, head: b.head, base: b.base, body: b.body ?? '' });
        return [201, { id: context.nextId(), number, html_url: `${html}/pull/${number}`, state: 'open' }];
      },
    },
  ];
}
