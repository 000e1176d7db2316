// Writes a decided gate to GitHub: the comment (as `--comment` says), reviewers, check runs and/or statuses
// (as `--report` says). Without `checks: write` the check runs fall back to statuses and workflow-command
// annotations, so the gate is never left unreported.
import type { CheckAnnotation, CheckRunPlan } from '../core/gate/check-runs.js';
import type { CommentDecision } from '../core/gate/comment-mode.js';
import type { GatePlan, StatusPlan } from '../core/gate/types.js';
import type { GitHubApi, PostedComment } from '../github/api.js';
import { postCheckRuns } from '../github/check-runs.js';
import { GitHubError } from '../github/errors.js';
import { renderAnnotationCommands } from '../render/workflow-commands.js';

export const REPORT_MODES = ['statuses', 'checks', 'both'] as const;
export type ReportMode = (typeof REPORT_MODES)[number];

export interface PublishInput {
  plan: GatePlan;
  /** the commit the statuses and check runs go on: the PR head, or a merge group's head */
  sha: string;
  comment: CommentDecision | null;
  /** the comment body for `update-passed` */
  passedBody: string;
  report: ReportMode;
  checkRuns: CheckRunPlan[];
  annotations: CheckAnnotation[];
  /** print workflow-command annotations even when check runs carry them (statuses mode in Actions) */
  printAnnotations: boolean;
  print: (line: string) => void;
}

export interface PublishResult {
  comment: PostedComment | null;
  notes: string[];
}

export async function publishGate(api: GitHubApi, input: PublishInput): Promise<PublishResult> {
  const { plan } = input;
  const notes: string[] = [];
  const comment = await writeComment(api, input);
  if (plan.reviewers) {
    try {
      await api.requestReviewers(plan.pr.number, plan.reviewers);
    } catch (error) {
      // GitHub refuses reviewers who are not collaborators (422): worth saying, not worth failing the gate
      if (!(error instanceof GitHubError) || error.status !== 422) throw error;
      notes.push(`reviewers not requested: ${error.message}`);
    }
  }
  const target = comment?.htmlUrl || plan.targetUrl;
  let statuses = input.report !== 'checks';
  let printAnnotations = input.printAnnotations;
  if (input.report !== 'statuses') {
    try {
      await postCheckRuns(api, input.sha, input.checkRuns, plan.targetUrl);
    } catch (error) {
      if (!(error instanceof GitHubError) || error.status !== 403) throw error;
      notes.push(
        'check runs refused (HTTP 403: the workflow needs checks: write): statuses and workflow-command annotations instead',
      );
      statuses = true;
      printAnnotations = true;
    }
  }
  if (printAnnotations) for (const line of renderAnnotationCommands(input.annotations)) input.print(line);
  if (statuses) await setBoth(api, input.sha, plan.statuses, target);
  return { comment, notes };
}

async function setBoth(
  api: GitHubApi,
  sha: string,
  statuses: { control: StatusPlan; data: StatusPlan },
  target: string | null,
): Promise<void> {
  await api.setStatus(sha, statuses.control, target);
  await api.setStatus(sha, statuses.data, target);
}

async function writeComment(api: GitHubApi, input: PublishInput): Promise<PostedComment | null> {
  const decision = input.comment;
  if (decision === null || decision.kind === 'skip') return null;
  const { plan } = input;
  if (decision.kind === 'update-passed') return updateOrNull(api, decision.existingId, input.passedBody);
  const id = plan.comment.existingId;
  if (id !== null) {
    const updated = await updateOrNull(api, id, plan.comment.body);
    if (updated) return updated;
  }
  return api.createComment(plan.pr.number, plan.comment.body);
}

/** null when the comment was deleted since it was listed */
async function updateOrNull(api: GitHubApi, id: number, body: string): Promise<PostedComment | null> {
  try {
    return await api.updateComment(id, body);
  } catch (error) {
    if (!(error instanceof GitHubError) || error.status !== 404) throw error;
    return null;
  }
}
