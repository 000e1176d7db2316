import { status } from '../core/gate/statuses.js';
import { CONTROL_CONTEXT, DATA_CONTEXT } from '../core/gate/types.js';
import type { StatusPlan } from '../core/gate/types.js';
import { errorCheckRuns } from '../core/gate/check-runs.js';
import type { GitHubApi } from './api.js';
import { postCheckRuns } from './check-runs.js';
import { GitHubError } from './errors.js';

/**
 * Fail closed: after an internal error the control plane is set to `error`, never left as it was or
 * success. The data plane keeps its computed state when there is one. When the gate reports as check runs
 * (`checkRuns`), they are posted too: an earlier run's check run at success would otherwise stay the latest of
 * its name, the one a required check reads. Best effort: if GitHub itself is down this fails too, and the caller
 * still exits non-zero. Resolves to the error that prevented it, if any.
 */
export async function setErrorStatuses(
  api: GitHubApi,
  sha: string,
  message: string,
  options: { data?: StatusPlan | null; targetUrl?: string | null; checkRuns?: boolean } = {},
): Promise<GitHubError | null> {
  const control = status(CONTROL_CONTEXT, 'error', message);
  const data = options.data ?? status(DATA_CONTEXT, 'error', message);
  const target = options.targetUrl ?? null;
  let failed: GitHubError | null = null;
  if (options.checkRuns) {
    try {
      await postCheckRuns(
        api,
        sha,
        errorCheckRuns({ control, data }, `agentgate failed: ${message}`),
        target,
      );
    } catch (error) {
      // without checks: write no check run of ours can stand on this commit: the statuses below still say error
      if (!(error instanceof GitHubError) || error.status !== 403) failed = asGitHubError(error);
    }
  }
  try {
    await api.setStatus(sha, control, target);
    await api.setStatus(sha, data, target);
  } catch (error) {
    failed ??= asGitHubError(error);
  }
  return failed;
}

const asGitHubError = (error: unknown): GitHubError =>
  error instanceof GitHubError ? error : new GitHubError(String(error), null);
