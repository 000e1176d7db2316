import type { EvalResultsState } from '../core/gate/statuses.js';
import { ACTIONS_BOT_LOGIN } from '../core/gate/types.js';
import type { CommentRecord, PullRequestRef, ReviewRecord, SignoffEvaluation } from '../core/gate/types.js';
import type { Config, DiffReport } from '../model/types.js';
import type { GitHubApi } from '../github/api.js';
import type { FloorOptions } from '../load/apply-floors.js';
import { judgeSignoffs } from './judge-signoffs.js';
import { readPullDiff } from './pull-diff.js';
import { digestAtCommit } from './pull-signoffs.js';
import { UsageError } from '../errors.js';
import type { SplitPlan } from '../core/release/split-plan.js';
import { planSplitOf } from '../release/split.js';
import { createPromptTextLookup } from '../render/prompt-texts.js';
import type { PromptTextLookup } from '../render/prompt-texts.js';

export interface GateInputs {
  report: DiffReport;
  config: Config;
  self: string;
  reviews: ReviewRecord[];
  comments: CommentRecord[];
  /** who may sign, resolved once with the diff (the report's control reviewers unless signers are configured) */
  signers: string[];
  signoffs: SignoffEvaluation;
  evalResults: EvalResultsState;
  notes: string[];
  /** what `agentgate split` would do with this diff: the comment suggests it only when it would succeed */
  split: SplitPlan;
  /** prompt and agent texts of both sides, for the comment's line diffs */
  promptTexts: PromptTextLookup;
}

/** Diffs the PR locally and reads what GitHub knows about it; null api = dry run (no request at all). */
export async function gatherGateInputs(
  cwd: string,
  pr: PullRequestRef,
  api: GitHubApi | null,
  /** the floors under the base config (`check --floor`, and how `extends` fetches): every diff here applies them */
  floor?: FloorOptions,
): Promise<GateInputs> {
  const read = await readPullDiff(cwd, pr.baseSha, pr.headSha, { floor });
  // both commits must be in the clone; say how to get them rather than git's own words
  if (read.kind === 'not-in-clone')
    throw new UsageError(
      `the PR head (${pr.headSha.slice(0, 12)}) or its base (${pr.baseSha.slice(0, 12)}) is not in this clone: check out with actions/checkout fetch-depth: 0 (on pull_request_target also fetch refs/pull/${pr.number}/head) [${read.error.message}]`,
    );
  const { diff } = read;
  const { report, gate } = diff;
  const notes = gate.codeownersErrors.map(
    (message) => `CODEOWNERS line skipped (as GitHub does): ${message}`,
  );
  const [self, reviews, comments, pushers] = api
    ? await Promise.all([
        api.identity(),
        api.reviews(pr.number),
        api.comments(pr.number),
        api.pullPushers(pr.number),
      ])
    : [ACTIONS_BOT_LOGIN, [], [], { logins: [], complete: true, unlinked: [] }];
  const { signers, signoffs } = await judgeSignoffs({
    diff,
    pull: pr,
    self,
    reviews,
    comments,
    pushers,
    digestAt: (commit) => digestAtCommit(cwd, pr.baseSha, commit, floor),
    membershipOf: (org, slug, user) =>
      api ? api.teamMembership(org, slug, user) : Promise.resolve('unverifiable' as const),
  });
  return {
    report,
    config: gate.config,
    self,
    reviews,
    comments,
    signers,
    signoffs,
    evalResults: evalState(report),
    notes,
    split: planSplitOf(diff),
    promptTexts: createPromptTextLookup(diff.parsed.base.registry, diff.parsed.head.registry),
  };
}

/** The data plane's eval verdict, as the diff computed it (head results from CI against the base's baseline). */
/** What the data plane's eval results say, for the statuses: the one reading for every check path. */
export function evalState(report: DiffReport): EvalResultsState {
  const delta = report.planes.data.eval;
  if (delta === undefined) return 'not-configured';
  if (delta.head === null) return 'missing';
  return delta.verdict;
}
