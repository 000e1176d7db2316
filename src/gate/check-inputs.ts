import { parseCodeowners } from '../core/codeowners.js';
import type { CodeownersRule } from '../core/codeowners.js';
import { resolveSigners } from '../core/gate/reviewers.js';
import { collectSignoffClaims, readSigners } from '../core/gate/signoffs.js';
import type { EvalResultsState } from '../core/gate/statuses.js';
import { ACTIONS_BOT_LOGIN } from '../core/gate/types.js';
import type { CommentRecord, PullRequestRef, ReviewRecord, SignoffEvaluation } from '../core/gate/types.js';
import type { Config, DiffReport } from '../core/types.js';
import { GitError } from '../git/git-error.js';
import type { GitHubApi } from '../github/api.js';
import { diffPullRequestAt } from './pr-diff.js';
import { digestAtCommit, gatherPullSignoffs } from './pull-signoffs.js';
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
  const [self, reviews, comments, pushers] = api
    ? await Promise.all([
        api.identity(),
        api.reviews(pr.number),
        api.comments(pr.number),
        api.pullPushers(pr.number),
      ])
    : [ACTIONS_BOT_LOGIN, [], [], { logins: [], complete: true }];

  const rules = parsedOwners?.rules ?? null;
  const signers = resolveSigners({ report, config, codeowners: rules });
  const signerSet = readSigners(signers);
  const control = report.planes.control;
  const collection = collectSignoffClaims(reviews, comments, { author: pr.author, self, pushers });
  const signoffs = await gatherPullSignoffs({
    control,
    collection,
    signers: signerSet,
    headSha: pr.headSha,
    digestAt: (commit) => digestAtCommit(cwd, pr.baseSha, commit),
    membershipOf: (org, slug, user) =>
      api ? api.teamMembership(org, slug, user) : Promise.resolve('unverifiable' as const),
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

/** The data plane's eval verdict, as the diff computed it (head results from CI against the base's baseline). */
function evalState(report: DiffReport): EvalResultsState {
  const delta = report.planes.data.eval;
  if (delta === undefined) return 'not-configured';
  if (delta.head === null) return 'missing';
  return delta.verdict;
}
