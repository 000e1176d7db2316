import { status } from '../core/gate/statuses.js';
import { CONTROL_CONTEXT, DATA_CONTEXT } from '../core/gate/types.js';
import type { GatePlan, StatusPlan } from '../core/gate/types.js';
import type { GitHubApi, PostedComment } from './api.js';
import { GitHubError } from './errors.js';

export interface ApplyResult {
  comment: PostedComment;
  notes: string[];
}

/**
 * Applies a plan: the report comment first (its URL is where the statuses point), then the reviewer
 * request, then both statuses. Any failure propagates; the caller then sets the control plane to error.
 */
export async function applyGatePlan(api: GitHubApi, plan: GatePlan): Promise<ApplyResult> {
  const notes: string[] = [];
  const comment = await upsertComment(api, plan);
  if (plan.reviewers) {
    try {
      await api.requestReviewers(plan.pr.number, plan.reviewers);
    } catch (error) {
      // GitHub refuses reviewers who are not collaborators (422): worth saying, not worth failing the gate
      if (!(error instanceof GitHubError) || error.status !== 422) throw error;
      notes.push(`reviewers not requested: ${error.message}`);
    }
  }
  const target = comment.htmlUrl || plan.targetUrl;
  await api.setStatus(plan.pr.headSha, plan.statuses.control, target);
  await api.setStatus(plan.pr.headSha, plan.statuses.data, target);
  return { comment, notes };
}

async function upsertComment(api: GitHubApi, plan: GatePlan): Promise<PostedComment> {
  const id = plan.comment.existingId;
  if (id !== null) {
    try {
      return await api.updateComment(id, plan.comment.body);
    } catch (error) {
      // deleted since we listed it: write a new one
      if (!(error instanceof GitHubError) || error.status !== 404) throw error;
    }
  }
  return api.createComment(plan.pr.number, plan.comment.body);
}

/**
 * Fail closed: after an internal error the control plane is set to `error`, never left as it was or
 * success. The data plane keeps its computed state when there is one. Best effort: if GitHub itself is
 * down this fails too, and the caller still exits non-zero. Resolves to the error that prevented it, if any.
 */
export async function setErrorStatuses(
  api: GitHubApi,
  sha: string,
  message: string,
  options: { data?: StatusPlan | null; targetUrl?: string | null } = {},
): Promise<GitHubError | null> {
  const control = status(CONTROL_CONTEXT, 'error', message);
  const data = options.data ?? status(DATA_CONTEXT, 'error', message);
  try {
    await api.setStatus(sha, control, options.targetUrl ?? null);
    await api.setStatus(sha, data, options.targetUrl ?? null);
    return null;
  } catch (error) {
    return error instanceof GitHubError ? error : new GitHubError(String(error), null);
  }
}
