import { annotationBatches } from '../core/gate/check-runs.js';
import type { CheckRunPlan } from '../core/gate/check-runs.js';
import type { GitHubApi } from './api.js';
import { callGitHub } from './call.js';

export interface PostedCheckRun {
  name: string;
  id: number;
  htmlUrl: string | null;
}

/**
 * Creates one check run per plane on `headSha`, its first 50 annotations with it and every further batch of 50
 * by PATCH (GitHub's limit per request). A 403 (no `checks: write`) propagates as a GitHubError with status 403.
 */
export async function postCheckRuns(
  api: GitHubApi,
  headSha: string,
  runs: readonly CheckRunPlan[],
  detailsUrl: string | null,
): Promise<PostedCheckRun[]> {
  const posted: PostedCheckRun[] = [];
  for (const run of runs) {
    const [first = [], ...rest] = annotationBatches(run.annotations);
    const output = { title: run.title, summary: run.summary, text: run.text };
    const { data } = await callGitHub(`POST check run ${run.name}`, () =>
      api.client.rest.checks.create({
        ...api.repo,
        name: run.name,
        head_sha: headSha,
        status: run.status,
        ...(run.conclusion ? { conclusion: run.conclusion } : {}),
        ...(detailsUrl ? { details_url: detailsUrl } : {}),
        output: { ...output, annotations: first },
      }),
    );
    for (const batch of rest) {
      await callGitHub(`PATCH check run ${run.name}`, () =>
        api.client.rest.checks.update({
          ...api.repo,
          check_run_id: data.id,
          output: { title: run.title, summary: run.summary, annotations: batch },
        }),
      );
    }
    posted.push({ name: run.name, id: data.id, htmlUrl: data.html_url ?? null });
  }
  return posted;
}
