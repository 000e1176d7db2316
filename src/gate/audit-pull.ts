import { parseCodeowners } from '../core/codeowners.js';
import { diffPullRequestAt } from './pr-diff.js';
import { digestAtCommit, gatherPullSignoffs } from './pull-signoffs.js';
import { resolveSigners } from '../core/gate/reviewers.js';
import { collectSignoffClaims, readSigners } from '../core/gate/signoffs.js';
import { summarizePull } from '../core/governance/audit.js';
import type { PullAudit } from '../core/governance/audit.js';
import type { CommitMeta } from '../core/governance/commit-diff.js';
import { GitError } from '../git/git-error.js';
import type { GitHubApi } from '../github/api.js';
import type { AssociatedPull } from '../github/audit.js';
import { computeDiff } from '../load/compute-diff.js';
import type { ComputeDiffResult } from '../load/compute-diff.js';

export interface PullContext {
  cwd: string;
  api: GitHubApi;
  /** the token's identity: its own comments never sign anything */
  self: string;
}

const MISSING = ['bad-ref', 'missing-commit', 'shallow'];

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
  let source: PullAudit['digestSource'] = 'pull';
  let diff: ComputeDiffResult;
  try {
    diff = await diffPullRequestAt(cwd, pull.baseSha, pull.headSha);
  } catch (error) {
    // the head of a squashed or deleted branch may be gone from the clone: the merge commit carries the same change
    const parent = merge.parents[0];
    if (!(error instanceof GitError && MISSING.includes(error.kind)) || parent === undefined) throw error;
    diff = await computeDiff({ cwd, base: parent, head: merge.sha });
    source = 'merge-commit';
  }
  const { report, config, codeowners } = diff;
  const control = report.planes.control;
  const [reviews, comments, pushers] = await Promise.all([
    api.reviews(pull.number),
    api.comments(pull.number),
    api.pullPushers(pull.number),
  ]);
  const rules = codeowners ? parseCodeowners(codeowners.text, codeowners.path).rules : null;
  const signers = readSigners(resolveSigners({ report, config, codeowners: rules }));
  const collection = collectSignoffClaims(reviews, comments, {
    author: pull.author,
    self: context.self,
    pushers,
  });
  const evaluation = await gatherPullSignoffs({
    control,
    collection,
    signers,
    headSha: pull.headSha,
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
    evaluation,
  );
}
