import type { Config, DiffReport } from '../../model/types.js';
import { planReviewerRequests } from './reviewers.js';
import { planStatuses } from './statuses.js';
import type { EvalResultsState } from './statuses.js';
import { REPORT_MARKER } from './types.js';
import type {
  CommentRecord,
  GateStatuses,
  PullRequestRef,
  RepoRef,
  ReviewerRequestPlan,
  ReviewRecord,
  SignoffEvaluation,
} from './types.js';

/** Reviewers are requested when the code changes, not on every review or comment (that would re-notify). */
const REQUESTING_EVENTS = new Set(['pull_request', 'pull_request_target']);

export interface DecideInput {
  eventName: string;
  repo: RepoRef;
  pr: PullRequestRef;
  /** its planes' reviewers were resolved once, with the report (resolveGatePeople): they are requested as listed */
  report: DiffReport;
  config: Config;
  reviews: readonly ReviewRecord[];
  comments: readonly CommentRecord[];
  /** the login the token acts as */
  self: string;
  signoffs: SignoffEvaluation;
  evalResults: EvalResultsState;
}

export interface GateDecision {
  statuses: GateStatuses;
  reviewers: ReviewerRequestPlan | null;
  existingCommentId: number | null;
  notes: string[];
}

export function decideGate(input: DecideInput): GateDecision {
  const statuses = planStatuses(input);
  const notes = input.signoffs.notes.slice();
  let reviewers: ReviewerRequestPlan | null = null;
  if (REQUESTING_EVENTS.has(input.eventName)) {
    const planes = {
      data: input.report.planes.data.changed ? input.report.planes.data.reviewers : null,
      control: input.report.planes.control.changed ? input.report.planes.control.reviewers : null,
    };
    const plan = planReviewerRequests({
      planes,
      pr: input.pr,
      repoOwner: input.repo.owner,
      reviews: input.reviews,
    });
    reviewers = plan.request;
    notes.push(...plan.notes);
  }
  const existing = findReportComment(input.comments, input.self);
  return { statuses, reviewers, existingCommentId: existing?.id ?? null, notes };
}

/**
 * Our report comment: it starts with the marker AND was written by our own identity. A comment by anyone
 * else that carries the marker is someone's forgery (or a quote) and is never edited.
 */
export function findReportComment(comments: readonly CommentRecord[], self: string): CommentRecord | null {
  const me = self.toLowerCase();
  return (
    comments.find(
      (c) => c.user !== null && c.user.toLowerCase() === me && c.body.trimStart().startsWith(REPORT_MARKER),
    ) ?? null
  );
}
