import { mergeBase, verifyRef } from '../git/refs.js';
import { computeDiff } from '../load/compute-diff.js';
import type { ComputeDiffWithFiles } from '../load/compute-diff.js';
import type { FloorOptions } from '../load/apply-floors.js';

/**
 * The diff a pull request makes at one of its commits, as GitHub shows it: from the merge-base of the PR's
 * base and that commit. Diffing against the base branch's tip instead would count what landed on the base
 * since the branch forked as the PR's own (reversed) change, and would move the capability digest, voiding
 * sign-offs, whenever the base branch moves. The gate itself (config, CODEOWNERS) is the base branch's current
 * one. `check` and `signoff` must both use this, so their digests agree.
 */
export async function diffPullRequestAt(
  cwd: string,
  baseSha: string,
  commit: string,
  /** only the capability digest is wanted: eval results are not read */
  { skipEval = false, floor }: { skipEval?: boolean; floor?: FloorOptions } = {},
): Promise<ComputeDiffWithFiles> {
  // both must be in the clone; verifyRef says so in words (and names a shallow clone) when one is not
  const [base, head] = await Promise.all([verifyRef(cwd, baseSha), verifyRef(cwd, commit)]);
  const forkPoint = (await mergeBase(cwd, base, head)) ?? base;
  // the files stay: the PR comment's split suggestion plans the split from their texts
  return computeDiff({ cwd, base: forkPoint, head, gateCommit: base, skipEval, floor, keepFiles: true });
}
