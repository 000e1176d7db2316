// Small pieces of `check`'s wiring: who the token is, what a dry run would write.
import type { CheckRunPlan } from '../core/gate/check-runs.js';
import type { CommentDecision } from '../core/gate/comment-mode.js';
import { ACTIONS_BOT_LOGIN } from '../core/gate/types.js';
import type { RepoRef } from '../core/gate/types.js';
import { UsageError } from '../errors.js';
import type { ReportMode } from './publish.js';
import type { CheckOptions } from './check-types.js';
import type { GitHubApi } from '../github/api.js';
import { fetchFileAt } from '../github/contents.js';
import type { FloorOptions } from '../load/apply-floors.js';
import { resolve } from 'node:path';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/i;

/**
 * The login the report comment is owned by when `GET /user` is refused: a GitHub App acts as `<slug>[bot]`,
 * Actions' own token as `github-actions[bot]`. Without the right one every run posts a new comment.
 */
export function botLoginOf(appSlug: string | undefined): string {
  const slug = (appSlug ?? '').trim().replace(/\[bot\]$/i, '');
  if (slug === '') return ACTIONS_BOT_LOGIN;
  if (!SLUG.test(slug))
    throw new UsageError(
      `--app-slug ${JSON.stringify(slug.slice(0, 60))} is not a GitHub App slug (letters, digits and inner hyphens)`,
    );
  return `${slug}[bot]`;
}

/** Notes for `--dry-run`: the comment decision and the check runs it would write. */
export function describeWrites(
  repo: RepoRef,
  comment: CommentDecision,
  report: ReportMode,
  runs: readonly CheckRunPlan[],
): string[] {
  const notes: string[] = [];
  if (comment.kind === 'update-passed')
    notes.push(
      `PATCH /repos/${repo.owner}/${repo.repo}/issues/comments/${comment.existingId} (the gate passed)`,
    );
  if (report !== 'statuses') {
    for (const run of runs)
      notes.push(
        `POST /repos/${repo.owner}/${repo.repo}/check-runs ${run.name}: ${run.conclusion ?? run.status}, ${run.annotations.length} annotation(s)`,
      );
    if (report === 'checks') notes.push('statuses only if check runs are refused (--report checks)');
  }
  return notes;
}

/** `--floor FILE` (relative to the working directory) and, with a token, how `extends` fetches its floor. */
export function floorOptions(options: CheckOptions, api: GitHubApi | null): FloorOptions {
  return {
    file: options.floor === undefined ? undefined : resolve(options.cwd, options.floor),
    fetch: api ? (repository, path, ref) => fetchFileAt(api.client, repository, path, ref) : undefined,
  };
}
