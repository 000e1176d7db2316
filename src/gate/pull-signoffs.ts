import {
  commitsNeedingDigest,
  evaluateSignoffs,
  membershipChecksNeeded,
  membershipKey,
} from '../core/gate/signoffs.js';
import type { ClaimCollection, SignerSet, SignoffClaim } from '../core/gate/signoffs.js';
import type { DigestLookup, MembershipState, SignoffEvaluation } from '../core/gate/types.js';
import type { ControlPlaneReport } from '../model/types.js';
import type { FloorOptions } from '../load/apply-floors.js';
import { diffPullRequestAt } from './pr-diff.js';

export interface PullSignoffInput {
  control: ControlPlaneReport;
  collection: ClaimCollection;
  signers: SignerSet;
  headSha: string;
  /** the capability digest a reviewer saw at a commit */
  digestAt: (commit: string) => Promise<DigestLookup>;
  /** one team-membership read; called only for claims that would otherwise count */
  membershipOf: (org: string, slug: string, user: string) => Promise<MembershipState>;
}

/**
 * The sign-offs a pull request carries for its head's capability digest: digests are computed only for the
 * commits reviewers approved, and team membership is read only for claims that match the head. `check` and
 * `audit` both judge through here, so a PR is never signed for one and unsigned for the other.
 */
export async function gatherPullSignoffs(input: PullSignoffInput): Promise<SignoffEvaluation> {
  const { control, collection, headSha } = input;
  const digestAt = new Map<string, DigestLookup>();
  const membership = new Map<string, MembershipState>();
  if (control.changed) {
    for (const commit of commitsNeedingDigest(collection.claims, headSha)) {
      digestAt.set(commit, await input.digestAt(commit));
    }
    const matchesHead = (claim: SignoffClaim): boolean => {
      if (claim.via === 'comment') return claim.digest === control.digest;
      if (claim.commitId === headSha) return true;
      const lookup = digestAt.get(claim.commitId ?? '');
      return lookup?.kind === 'ok' && lookup.digest === control.digest;
    };
    // users in parallel (one round trip however many signed); a user's teams in order, up to the first hit
    await Promise.all(
      membershipChecksNeeded(collection.claims, input.signers, matchesHead).map(async ({ user, teams }) => {
        for (const team of teams) {
          const state = await input.membershipOf(team.org, team.slug, user);
          membership.set(membershipKey(team.org, team.slug, user), state);
          if (state === 'active') break;
        }
      }),
    );
  }
  return evaluateSignoffs({
    collection,
    signers: input.signers,
    required: control.changed ? control.requiredSignoffs : 0,
    headSha,
    headDigest: control.digest,
    digestAt,
    membership,
  });
}

/** The capability digest at a reviewed commit. A commit that cannot be diffed (force-pushed away) signs nothing. */
export async function digestAtCommit(
  cwd: string,
  baseSha: string,
  commit: string,
  floor?: FloorOptions,
): Promise<DigestLookup> {
  try {
    const { report } = await diffPullRequestAt(cwd, baseSha, commit, { skipEval: true, floor });
    return { kind: 'ok', digest: report.planes.control.digest };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'unavailable',
      reason: `reviewed commit ${commit.slice(0, 7)} cannot be diffed (${reason})`,
    };
  }
}
