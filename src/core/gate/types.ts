// Plain data shared by the gate's pure steps (event -> decision) and the adapter that applies a plan.

export type StatusState = 'success' | 'failure' | 'pending' | 'error';

export const DATA_CONTEXT = 'agentgate/data-plane';
export const CONTROL_CONTEXT = 'agentgate/control-plane';
export const REPORT_MARKER = '<!-- agentgate:report -->';
/** the identity of Actions' own GITHUB_TOKEN, which may not ask GET /user who it is */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
/** GitHub's limit on a commit status description */
export const MAX_DESCRIPTION = 140;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestRef {
  number: number;
  author: string;
  baseSha: string;
  headSha: string;
  baseRef: string;
  headRef: string;
  draft: boolean;
  open: boolean;
  requestedReviewers: string[];
  requestedTeams: string[];
}

/** A review as REST lists it; `state` upper-case (webhooks send it lower-case). */
export interface ReviewRecord {
  id: number;
  user: string | null;
  state: string;
  commitId: string | null;
  submittedAt: string | null;
}

export interface CommentRecord {
  id: number;
  user: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  htmlUrl?: string;
}

export interface StatusPlan {
  context: typeof DATA_CONTEXT | typeof CONTROL_CONTEXT;
  state: StatusState;
  description: string;
}

export interface ReviewerRequestPlan {
  /** user logins, without `@` */
  reviewers: string[];
  /** team slugs, without the org */
  teamReviewers: string[];
}

/** The digest at a reviewed commit; unavailable when that commit cannot be diffed (force-pushed away). */
export type DigestLookup = { kind: 'ok'; digest: string } | { kind: 'unavailable'; reason: string };

export type MembershipState = 'active' | 'inactive' | 'unverifiable';

export interface CountedSignoff {
  user: string;
  via: 'review' | 'comment';
  /** the team that made the user a signer, when the user is not listed by login */
  team?: string;
}

export interface RejectedSignoff {
  user: string;
  via: 'review' | 'comment';
  reason: string;
}

export interface SignoffEvaluation {
  required: number;
  headDigest: string;
  counted: CountedSignoff[];
  rejected: RejectedSignoff[];
  /** sentences the reviewer must see, e.g. that a team's membership could not be read */
  notes: string[];
  satisfied: boolean;
}

export interface GateStatuses {
  data: StatusPlan;
  control: StatusPlan;
}

/** Everything `check` will do, computed before any write; `--dry-run` prints it instead of applying it. */
export interface GatePlan {
  repo: RepoRef;
  pr: PullRequestRef;
  statuses: GateStatuses;
  reviewers: ReviewerRequestPlan | null;
  comment: { existingId: number | null; body: string };
  summary: string;
  /** lines for the log: why reviewers were skipped, which sign-offs did not count, ... */
  notes: string[];
  /** where the statuses link when the comment's own URL is unknown (the workflow run) */
  targetUrl: string | null;
}
