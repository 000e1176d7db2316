import { parseCodeowners } from '../../core/codeowners.js';
import { diffPullRequestAt } from './pr-diff.js';
import { resolveSigners } from '../../core/gate/reviewers.js';
import {
  collectSignoffClaims,
  commitsNeedingDigest,
  evaluateSignoffs,
  membershipChecksNeeded,
  membershipKey,
  readSigners,
} from '../../core/gate/signoffs.js';
import type { SignoffClaim } from '../../core/gate/signoffs.js';
import type { DigestLookup, MembershipState } from '../../core/gate/types.js';
import { summarizePull } from '../../core/governance/audit.js';
import type { PullAudit } from '../../core/governance/audit.js';
import type { CommitMeta } from '../../core/governance/commit-diff.js';
import { GitError } from '../../git/git-error.js';
import type { GitHubApi } from '../../github/api.js';
import type { AssociatedPull } from '../../github/audit.js';
import { computeDiff } from '../../load/compute-diff.js';
import type { ComputeDiffResult } from '../../load/compute-diff.js';

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
  const [reviews, comments] = await Promise.all([api.reviews(pull.number), api.comments(pull.number)]);
  const rules = codeowners ? parseCodeowners(codeowners.text, codeowners.path).rules : null;
  const signers = readSigners(resolveSigners({ report, config, codeowners: rules }));
  const collection = collectSignoffClaims(reviews, comments, { author: pull.author, self: context.self });
  const digestAt = new Map<string, DigestLookup>();
  const membership = new Map<string, MembershipState>();
  if (control.changed) {
    for (const commit of commitsNeedingDigest(collection.claims, pull.headSha)) {
      digestAt.set(commit, await digestAtCommit(cwd, source === 'pull' ? pull.baseSha : null, commit));
    }
    const matches = (claim: SignoffClaim): boolean => {
      if (claim.via === 'comment') return claim.digest === control.digest;
      if (claim.commitId === pull.headSha) return true;
      const lookup = digestAt.get(claim.commitId ?? '');
      return lookup?.kind === 'ok' && lookup.digest === control.digest;
    };
    for (const { user, teams } of membershipChecksNeeded(collection.claims, signers, matches)) {
      for (const team of teams) {
        const state = await api.teamMembership(team.org, team.slug, user);
        membership.set(membershipKey(team.org, team.slug, user), state);
        if (state === 'active') break;
      }
    }
  }
  const evaluation = evaluateSignoffs({
    collection,
    signers,
    required: control.changed ? control.requiredSignoffs : 0,
    headSha: pull.headSha,
    headDigest: control.digest,
    digestAt,
    membership,
  });
  return summarizePull(
    { number: pull.number, author: pull.author, url: pull.htmlUrl },
    pull.headSha,
    source,
    evaluation,
  );
}

async function digestAtCommit(cwd: string, base: string | null, commit: string): Promise<DigestLookup> {
  if (base === null)
    return {
      kind: 'unavailable',
      reason: `the pull request's base is not in this clone, so reviewed commit ${commit.slice(0, 7)} cannot be diffed`,
    };
  try {
    const { report } = await diffPullRequestAt(cwd, base, commit);
    return { kind: 'ok', digest: report.planes.control.digest };
  } catch (error) {
    return {
      kind: 'unavailable',
      reason: `reviewed commit ${commit.slice(0, 7)} cannot be diffed (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
