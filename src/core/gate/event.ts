import { readMergeGroup } from './merge-group-event.js';
import type { MergeGroupRef } from './merge-group-event.js';
import { REPORT_MARKER } from './types.js';
import type { PullRequestRef, RepoRef } from './types.js';

export type GateEvent =
  | { kind: 'pull-request'; name: string; action: string; repo: RepoRef; pr: PullRequestRef }
  /** an issue_comment on a pull request: the PR must be read to learn its base and head */
  | {
      kind: 'needs-pull-request';
      name: string;
      action: string;
      repo: RepoRef;
      number: number;
      /** the comment that triggered the run: it may carry a command (`/agentgate split`) */
      comment?: { user: string; body: string };
    }
  | { kind: 'merge-group'; name: string; action: string; repo: RepoRef; group: MergeGroupRef }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; reason: string };

const HANDLED: Record<string, readonly string[]> = {
  pull_request: ['opened', 'synchronize', 'reopened', 'ready_for_review'],
  pull_request_target: ['opened', 'synchronize', 'reopened', 'ready_for_review'],
  pull_request_review: ['submitted', 'edited', 'dismissed'],
  issue_comment: ['created', 'edited'],
  merge_group: ['checks_requested'],
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a webhook payload into what the gate needs, or says why there is nothing to do. */
export function readGateEvent(name: string, payload: unknown, repository: string | undefined): GateEvent {
  const actions = HANDLED[name];
  if (!actions) return { kind: 'ignored', reason: `event ${name} is not one agentgate acts on` };
  if (!isObject(payload)) return { kind: 'invalid', reason: 'the event payload is not a JSON object' };
  const action = typeof payload.action === 'string' ? payload.action : '';
  if (!actions.includes(action))
    return { kind: 'ignored', reason: `${name}.${action || '(no action)'} needs no check` };
  const repo = readRepo(repository, payload);
  if (typeof repo === 'string') return { kind: 'invalid', reason: repo };

  if (name === 'merge_group') {
    const group = readMergeGroup(payload);
    if (typeof group === 'string') return { kind: 'invalid', reason: group };
    return { kind: 'merge-group', name, action, repo, group };
  }
  if (name === 'issue_comment') {
    const issue = payload.issue;
    if (!isObject(issue) || typeof issue.number !== 'number')
      return { kind: 'invalid', reason: 'issue_comment payload has no issue.number' };
    if (!isObject(issue.pull_request))
      return { kind: 'ignored', reason: `comment on issue #${issue.number}, not on a pull request` };
    const body =
      isObject(payload.comment) && typeof payload.comment.body === 'string' ? payload.comment.body : '';
    // our own report (written with a token that triggers workflows) must not re-trigger us in a loop
    if (body.includes(REPORT_MARKER))
      return { kind: 'ignored', reason: "the comment is agentgate's own report" };
    // a new comment without a command changes nothing; an edit may withdraw a sign-off, so it always counts
    if (action === 'created' && !body.includes('/agentgate')) {
      return { kind: 'ignored', reason: `comment on #${issue.number} carries no /agentgate command` };
    }
    const commenter =
      isObject(payload.comment) &&
      isObject(payload.comment.user) &&
      typeof payload.comment.user.login === 'string'
        ? payload.comment.user.login
        : null;
    return {
      kind: 'needs-pull-request',
      name,
      action,
      repo,
      number: issue.number,
      ...(commenter ? { comment: { user: commenter, body } } : {}),
    };
  }
  const pr = readPullRequest(payload.pull_request);
  if (typeof pr === 'string') return { kind: 'invalid', reason: `${name} payload: ${pr}` };
  return { kind: 'pull-request', name, action, repo, pr };
}

function readRepo(repository: string | undefined, payload: Json): RepoRef | string {
  const fromPayload = isObject(payload.repository) ? payload.repository.full_name : undefined;
  const full = repository || (typeof fromPayload === 'string' ? fromPayload : '');
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full);
  if (!match) return `cannot tell the repository: set GITHUB_REPOSITORY=owner/repo (got '${full}')`;
  return { owner: match[1] as string, repo: match[2] as string };
}

/** Reads a pull request from a webhook payload or from `GET /repos/{owner}/{repo}/pulls/{n}`. */
export function readPullRequest(value: unknown): PullRequestRef | string {
  if (!isObject(value)) return 'no pull_request object';
  const base = value.base;
  const head = value.head;
  const user = value.user;
  if (typeof value.number !== 'number') return 'pull_request.number is missing';
  if (!isObject(base) || typeof base.sha !== 'string') return 'pull_request.base.sha is missing';
  if (!isObject(head) || typeof head.sha !== 'string') return 'pull_request.head.sha is missing';
  if (!isObject(user) || typeof user.login !== 'string') return 'pull_request.user.login is missing';
  return {
    number: value.number,
    author: user.login,
    baseSha: base.sha,
    headSha: head.sha,
    baseRef: typeof base.ref === 'string' ? base.ref : base.sha,
    headRef: typeof head.ref === 'string' ? head.ref : head.sha,
    draft: value.draft === true,
    open: value.state !== 'closed',
    requestedReviewers: logins(value.requested_reviewers, 'login'),
    requestedTeams: logins(value.requested_teams, 'slug'),
  };
}

function logins(list: unknown, key: 'login' | 'slug'): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(isObject)
    .flatMap((item) => (typeof item[key] === 'string' ? [item[key] as string] : []));
}
