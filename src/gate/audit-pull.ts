import { summarizePull } from '../core/history/audit.js';
import type { PullAudit } from '../core/history/audit.js';
import type { CommitMeta } from '../model/commit.js';
import type { GitHubApi } from '../github/api.js';
import type { AssociatedPull } from '../github/audit.js';
import { computeDiff } from '../load/compute-diff.js';
import { judgeSignoffs } from './judge-signoffs.js';
import { readPullDiff } from './pull-diff.js';
import { digestAtCommit } from './pull-signoffs.js';

export interface PullContext {
  cwd: string;
  api: GitHubApi;
  /** the token's identity: its own comments never sign anything */
  self: string;
}

/**
 * Whether a merged pull request carried its required sign-offs, judged as `check` judged it: the base commit's
 * config and signers, approvals counted only on a commit whose capability digest equals the merged one.
 */
export async function auditPull(
  context: PullContext,
  pull: AssociatedPull,
  merge: CommitMeta,
): Promise<PullAudit> {
  const { cwd, api } = context;
  // an audit judges sign-offs on the capability digest: eval results play no part
  const read = await readPullDiff(cwd, pull.baseSha, pull.headSha, { skipEval: true });
  // the head of a squashed or deleted branch may be gone from the clone: the merge commit carries the same change
  const parent = merge.parents[0];
  if (read.kind === 'not-in-clone' && parent === undefined) throw read.error;
  const source: PullAudit['digestSource'] = read.kind === 'ok' ? 'pull' : 'merge-commit';
  const diff =
    read.kind === 'ok'
      ? read.diff
      : await computeDiff({ cwd, base: parent, head: merge.sha, skipEval: true });
  const [reviews, comments, pushers] = await Promise.all([
    api.reviews(pull.number),
    api.comments(pull.number),
    api.pullPushers(pull.number),
  ]);
  const { signoffs } = await judgeSignoffs({
    diff,
    pull,
    self: context.self,
    reviews,
    comments,
    pushers,
    digestAt: (commit) =>
      source === 'pull'
        ? digestAtCommit(cwd, pull.baseSha, commit)
        : Promise.resolve({
            kind: 'unavailable',
            reason: `the pull request's base is not in this clone, so reviewed commit ${commit.slice(0, 7)} cannot be diffed`,
          }),
    membershipOf: (org, slug, user) => api.teamMembership(org, slug, user),
  });
  return summarizePull(
    { number: pull.number, author: pull.author, url: pull.htmlUrl },
    pull.headSha,
    source,
    signoffs,
  );
}
