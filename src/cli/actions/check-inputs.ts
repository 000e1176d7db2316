import { parseCodeowners } from '../../core/codeowners.js';
import type { CodeownersRule } from '../../core/codeowners.js';
import { resolveSigners } from '../../core/gate/reviewers.js';
import {
  collectSignoffClaims,
  commitsNeedingDigest,
  evaluateSignoffs,
  membershipChecksNeeded,
  membershipKey,
  readSigners,
} from '../../core/gate/signoffs.js';
import type { EvalResultsState } from '../../core/gate/statuses.js';
import { ACTIONS_BOT_LOGIN } from '../../core/gate/types.js';
import type {
  CommentRecord,
  DigestLookup,
  MembershipState,
  PullRequestRef,
  ReviewRecord,
  SignoffEvaluation,
} from '../../core/gate/types.js';
import type { Config, DiffReport } from '../../core/types.js';
import { GitError } from '../../git/git-error.js';
import type { GitHubApi } from '../../github/api.js';
import { diffPullRequestAt } from './pr-diff.js';
import { UsageError } from '../errors.js';

export interface GateInputs {
  report: DiffReport;
  config: Config;
  codeowners: CodeownersRule[] | null;
  self: string;
  reviews: ReviewRecord[];
  comments: CommentRecord[];
  signers: string[];
  signoffs: SignoffEvaluation;
  evalResults: EvalResultsState;
  notes: string[];
}

/** Diffs the PR locally and reads what GitHub knows about it; null api = dry run (no request at all). */
export async function gatherGateInputs(
  cwd: string,
  pr: PullRequestRef,
  api: GitHubApi | null,
): Promise<GateInputs> {
  const { report, config, codeowners } = await diffPullRequest(cwd, pr, pr.headSha, `the PR head`);
  const notes: string[] = [];
  const parsedOwners = codeowners ? parseCodeowners(codeowners.text, codeowners.path) : null;
  for (const error of parsedOwners?.errors ?? [])
    notes.push(`CODEOWNERS line skipped (as GitHub does): ${error.message}`);
  const [self, reviews, comments] = api
    ? await Promise.all([api.identity(), api.reviews(pr.number), api.comments(pr.number)])
    : [ACTIONS_BOT_LOGIN, [], []];

  const rules = parsedOwners?.rules ?? null;
  const signers = resolveSigners({ report, config, codeowners: rules });
  const signerSet = readSigners(signers);
  const control = report.planes.control;
  const required = control.changed ? control.requiredSignoffs : 0;
  const collection = collectSignoffClaims(reviews, comments, { author: pr.author, self });
  const digestAt = new Map<string, DigestLookup>();
  const membership = new Map<string, MembershipState>();
  if (control.changed) {
    for (const commit of commitsNeedingDigest(collection.claims, pr.headSha)) {
      digestAt.set(commit, await digestAtCommit(cwd, pr, commit));
    }
    const matchesHead = (claim: (typeof collection.claims)[number]) => {
      if (claim.via === 'comment') return claim.digest === control.digest;
      const lookup =
        claim.commitId === pr.headSha
          ? { kind: 'ok', digest: control.digest }
          : digestAt.get(claim.commitId ?? '');
      return lookup?.kind === 'ok' && lookup.digest === control.digest;
    };
    for (const { user, teams } of membershipChecksNeeded(collection.claims, signerSet, matchesHead)) {
      for (const team of teams) {
        const state = api ? await api.teamMembership(team.org, team.slug, user) : 'unverifiable';
        membership.set(membershipKey(team.org, team.slug, user), state);
        if (state === 'active') break;
      }
    }
  }
  const signoffs = evaluateSignoffs({
    collection,
    signers: signerSet,
    required,
    headSha: pr.headSha,
    headDigest: control.digest,
    digestAt,
    membership,
  });
  return {
    report,
    config,
    codeowners: rules,
    self,
    reviews,
    comments,
    signers,
    signoffs,
    evalResults: evalState(report),
    notes,
  };
}

/** Both commits must be in the clone; say how to get them rather than git's own words. */
async function diffPullRequest(cwd: string, pr: PullRequestRef, head: string, what: string) {
  try {
    return await diffPullRequestAt(cwd, pr.baseSha, head);
  } catch (error) {
    if (error instanceof GitError && ['bad-ref', 'missing-commit', 'shallow'].includes(error.kind)) {
      throw new UsageError(
        `${what} (${head.slice(0, 12)}) or its base (${pr.baseSha.slice(0, 12)}) is not in this clone: check out with actions/checkout fetch-depth: 0 (on pull_request_target also fetch refs/pull/${pr.number}/head) [${error.message}]`,
      );
    }
    throw error;
  }
}

/** The capability digest a reviewer saw. A commit that cannot be diffed (force-pushed away) signs nothing. */
async function digestAtCommit(cwd: string, pr: PullRequestRef, commit: string): Promise<DigestLookup> {
  try {
    const { report } = await diffPullRequestAt(cwd, pr.baseSha, commit);
    return { kind: 'ok', digest: report.planes.control.digest };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'unavailable',
      reason: `reviewed commit ${commit.slice(0, 7)} cannot be diffed (${reason})`,
    };
  }
}

/** The data plane's eval verdict, as the diff computed it (head results from CI against the base's baseline). */
function evalState(report: DiffReport): EvalResultsState {
  const delta = report.planes.data.eval;
  if (delta === undefined) return 'not-configured';
  if (delta.head === null) return 'missing';
  return delta.verdict;
}
