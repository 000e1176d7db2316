import { collectSignoffClaims, readSigners } from '../core/gate/signoffs.js';
import type { PrPushers } from '../core/gate/signoffs.js';
import type {
  CommentRecord,
  DigestLookup,
  MembershipState,
  ReviewRecord,
  SignoffEvaluation,
} from '../core/gate/types.js';
import type { ComputeDiffResult } from '../load/compute-diff.js';
import { gatherPullSignoffs } from './pull-signoffs.js';

export interface JudgeSignoffsInput {
  /** the PR's diff, judged by its gate (config and CODEOWNERS rules, read once), with who signs resolved once */
  diff: Pick<ComputeDiffResult, 'report' | 'people'>;
  pull: { author: string; headSha: string };
  /** the token's identity: its own comments never sign anything */
  self: string;
  reviews: ReviewRecord[];
  comments: CommentRecord[];
  /** who pushed or committed to the PR: their sign-offs never count */
  pushers: PrPushers;
  /** the capability digest a reviewer saw at a commit */
  digestAt: (commit: string) => Promise<DigestLookup>;
  membershipOf: (org: string, slug: string, user: string) => Promise<MembershipState>;
}

export interface SignoffJudgement {
  /** who may sign, as configured or as CODEOWNERS gives the control plane */
  signers: string[];
  signoffs: SignoffEvaluation;
}

/**
 * The one sign-off judgement behind `check`, `audit` and `release --require-signed`: resolve who may sign from the
 * gate, collect the claims reviews and comments make, then count those on the head's capability digest.
 */
export async function judgeSignoffs(input: JudgeSignoffsInput): Promise<SignoffJudgement> {
  const { report, people } = input.diff;
  const signers = [...people.signers];
  const collection = collectSignoffClaims(input.reviews, input.comments, {
    author: input.pull.author,
    self: input.self,
    pushers: input.pushers,
  });
  const signoffs = await gatherPullSignoffs({
    control: report.planes.control,
    collection,
    signers: readSigners(signers),
    headSha: input.pull.headSha,
    digestAt: input.digestAt,
    membershipOf: input.membershipOf,
  });
  return { signers, signoffs };
}
