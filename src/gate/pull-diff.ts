import { GitError } from '../git/git-error.js';
import type { ComputeDiffWithFiles } from '../load/compute-diff.js';
import type { FloorOptions } from '../load/apply-floors.js';
import { diffPullRequestAt } from './pr-diff.js';

/** A pull request's diff, or why its commits are not in this clone: the one place that tells the two apart. */
export type PullDiff = { kind: 'ok'; diff: ComputeDiffWithFiles } | { kind: 'not-in-clone'; error: GitError };

const NOT_IN_CLONE = new Set(['bad-ref', 'missing-commit', 'shallow']);

/** Whether git failed because a commit is not in this clone (unknown, missing, or cut off by a shallow fetch). */
export function isNotInClone(error: unknown): error is GitError {
  return error instanceof GitError && NOT_IN_CLONE.has(error.kind);
}

/**
 * Diffs a pull request at one of its commits (see diffPullRequestAt). A commit missing from the clone is a
 * result, not a throw: `check` and `signoff` say how to fetch it, `audit` falls back to the merge commit.
 */
export async function readPullDiff(
  cwd: string,
  baseSha: string,
  commit: string,
  options: { skipEval?: boolean; floor?: FloorOptions } = {},
): Promise<PullDiff> {
  try {
    return { kind: 'ok', diff: await diffPullRequestAt(cwd, baseSha, commit, options) };
  } catch (error) {
    if (isNotInClone(error)) return { kind: 'not-in-clone', error };
    throw error;
  }
}
