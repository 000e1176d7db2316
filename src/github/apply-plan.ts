import { status } from '../core/gate/statuses.js';
import { CONTROL_CONTEXT, DATA_CONTEXT } from '../core/gate/types.js';
import type { StatusPlan } from '../core/gate/types.js';
import type { GitHubApi } from './api.js';
import { GitHubError } from './errors.js';

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
