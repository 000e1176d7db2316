import { parseOwner } from '../../parse/codeowners.js';
import { parseSignoffCommand, shortDigest } from './signoff-command.js';
import type {
  CommentRecord,
  CountedSignoff,
  DigestLookup,
  MembershipState,
  RejectedSignoff,
  ReviewRecord,
  SignoffEvaluation,
} from './types.js';

export const TEAM_UNVERIFIABLE =
  'team membership unverifiable: give AGENTGATE_TOKEN read:org, or list signers by login';

/** the start of the note for a gate that no set of signers could ever pass */
export const UNSATISFIABLE = 'no one can satisfy this gate';

export interface SignerTeam {
  org: string;
  slug: string;
  raw: string;
}

export interface SignerSet {
  /** lower-case logins */
  users: Set<string>;
  teams: SignerTeam[];
}

/** A sign-off someone gave, before we know whether it counts. */
export interface SignoffClaim {
  user: string;
  via: 'review' | 'comment';
  /** the reviewed commit (reviews) */
  commitId: string | null;
  /** the digest named in the comment (comments) */
  digest: string | null;
  at: string;
}

/**
 * Who authored or committed commits of the PR, by GitHub login (the emails in a commit are whatever its maker
 * typed). `complete` is false when GitHub could not list them all (it lists at most 250 commits).
 */
export interface PrPushers {
  logins: readonly string[];
  complete: boolean;
  /**
   * Commits (short sha) whose author or committer maps to no GitHub account: whoever made them is unknown, so
   * they may be a signer's own, and no sign-off can be counted until they are pushed again under linked accounts.
   */
  unlinked: readonly string[];
}

export const PUSHERS_INCOMPLETE =
  'who pushed what cannot be told: GitHub lists only the first 250 commits of a pull request';

/** the start of the note (and of each rejection) while a commit of the PR maps to no GitHub account */
export const PUSHERS_UNLINKED = 'sign-offs cannot be counted';

export function unlinkedNote(commits: readonly string[]): string {
  const shown = commits.slice(0, 3).join(', ') + (commits.length > 3 ? ` (+${commits.length - 3} more)` : '');
  return (
    `${PUSHERS_UNLINKED}: commit ${shown} has an author or committer that maps to no GitHub account, so ` +
    "it may be a signer's own; push it again under linked accounts"
  );
}

export interface ClaimCollection {
  claims: SignoffClaim[];
  rejected: RejectedSignoff[];
  /** said on the status and in the comment whether or not anyone signed */
  notes: string[];
}

const lower = (s: string) => s.toLowerCase();

/** `@alice`, `alice` and `@acme/security` into users and teams; emails cannot sign on GitHub and are dropped. */
export function readSigners(list: readonly string[]): SignerSet {
  const users = new Set<string>();
  const teams: SignerTeam[] = [];
  for (const entry of list) {
    const owner = parseOwner(entry.startsWith('@') ? entry : `@${entry}`);
    if (owner?.kind === 'user') users.add(lower(owner.login));
    else if (owner?.kind === 'team') teams.push({ org: owner.org, slug: owner.slug, raw: owner.raw });
  }
  return { users, teams };
}

/**
 * Approvals and `/agentgate signoff` comments that are still standing: dismissed reviews never count, a later
 * CHANGES_REQUESTED by the same user voids their earlier sign-offs, and a sign-off comment that was edited
 * does not count (people with write access can edit other people's comments). Nobody who authored or committed
 * any commit of the PR signs it: stricter than "a control-changing commit", and needs no diff per commit.
 */
export function collectSignoffClaims(
  reviews: readonly ReviewRecord[],
  comments: readonly CommentRecord[],
  context: { author: string; self: string; pushers: PrPushers },
): ClaimCollection {
  const pushers = new Set(context.pushers.logins.map(lower));
  const unlinked = context.pushers.unlinked.length > 0 ? unlinkedNote(context.pushers.unlinked) : null;
  const rejected: RejectedSignoff[] = [];
  const events: (SignoffClaim & { revokes?: boolean })[] = [];
  for (const review of reviews) {
    if (review.user === null || review.submittedAt === null) continue;
    const state = review.state.toUpperCase();
    if (state === 'DISMISSED')
      rejected.push({ user: review.user, via: 'review', reason: 'review was dismissed' });
    if (state === 'APPROVED' || state === 'CHANGES_REQUESTED') {
      events.push({
        user: review.user,
        via: 'review',
        commitId: review.commitId,
        digest: null,
        at: review.submittedAt,
        revokes: state === 'CHANGES_REQUESTED',
      });
    }
  }
  for (const comment of comments) {
    if (comment.user === null || lower(comment.user) === lower(context.self)) continue;
    const digest = parseSignoffCommand(comment.body);
    if (digest === null) continue;
    if (comment.updatedAt !== comment.createdAt) {
      rejected.push({
        user: comment.user,
        via: 'comment',
        reason: 'sign-off comment was edited after posting: post a new one',
      });
      continue;
    }
    events.push({ user: comment.user, via: 'comment', commitId: null, digest, at: comment.createdAt });
  }

  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const standing = new Map<string, SignoffClaim[]>();
  for (const event of events) {
    const key = lower(event.user);
    if (event.revokes) {
      for (const voided of standing.get(key) ?? []) {
        rejected.push({
          user: voided.user,
          via: voided.via,
          reason: 'superseded by a later review requesting changes',
        });
      }
      standing.set(key, []);
      continue;
    }
    if (key === lower(context.author)) {
      rejected.push({ user: event.user, via: event.via, reason: 'is the PR author' });
      continue;
    }
    // mirrors GitHub's "approval of the most recent reviewable push": who wrote the change cannot sign it
    if (pushers.has(key)) {
      rejected.push({
        user: event.user,
        via: event.via,
        reason: 'authored or committed a commit of this PR',
      });
      continue;
    }
    if (!context.pushers.complete) {
      rejected.push({ user: event.user, via: event.via, reason: PUSHERS_INCOMPLETE });
      continue;
    }
    if (unlinked !== null) {
      rejected.push({ user: event.user, via: event.via, reason: unlinked });
      continue;
    }
    const { revokes: _revokes, ...claim } = event;
    standing.set(key, [...(standing.get(key) ?? []), claim]);
  }
  return { claims: [...standing.values()].flat(), rejected, notes: unlinked === null ? [] : [unlinked] };
}

/** Reviewed commits whose digest must be computed (the head's is already known). */
export function commitsNeedingDigest(claims: readonly SignoffClaim[], headSha: string): string[] {
  const commits = claims.flatMap((c) =>
    c.via === 'review' && c.commitId && c.commitId !== headSha ? [c.commitId] : [],
  );
  return [...new Set(commits)];
}

export function membershipKey(org: string, slug: string, user: string): string {
  return `${lower(org)}/${lower(slug)}:${lower(user)}`;
}

/** Team-membership lookups needed: only for users whose sign-off matches the head and who are not listed by login. */
export function membershipChecksNeeded(
  claims: readonly SignoffClaim[],
  signers: SignerSet,
  matchesHead: (claim: SignoffClaim) => boolean,
): { user: string; teams: SignerTeam[] }[] {
  if (signers.teams.length === 0) return [];
  const users = new Map<string, string>();
  for (const claim of claims) {
    if (!signers.users.has(lower(claim.user)) && matchesHead(claim)) users.set(lower(claim.user), claim.user);
  }
  return [...users.values()].map((user) => ({ user, teams: signers.teams }));
}

export interface EvaluateInput {
  collection: ClaimCollection;
  signers: SignerSet;
  required: number;
  headSha: string;
  headDigest: string;
  digestAt: ReadonlyMap<string, DigestLookup>;
  membership: ReadonlyMap<string, MembershipState>;
}

/** Which standing sign-offs count: a configured signer, not the author, on the head's capability digest. */
export function evaluateSignoffs(input: EvaluateInput): SignoffEvaluation {
  const counted = new Map<string, CountedSignoff>();
  const rejected: RejectedSignoff[] = [...input.collection.rejected];
  const notes = new Set<string>(input.collection.notes);
  for (const claim of input.collection.claims) {
    const digest = claimDigest(claim, input);
    if (digest.kind === 'unavailable') {
      rejected.push({ user: claim.user, via: claim.via, reason: digest.reason });
      continue;
    }
    if (digest.digest !== input.headDigest) {
      const where =
        claim.via === 'review' ? `approved commit ${(claim.commitId ?? '').slice(0, 7)}` : 'comment';
      rejected.push({
        user: claim.user,
        via: claim.via,
        reason: `${where} has capability digest ${shortDigest(digest.digest)}, the head has ${shortDigest(input.headDigest)}`,
      });
      continue;
    }
    const signer = signerStatus(claim.user, input);
    if (signer.kind === 'signer') {
      if (!counted.has(lower(claim.user)))
        counted.set(lower(claim.user), { user: claim.user, via: claim.via, ...signer.team });
      continue;
    }
    if (signer.kind === 'unverifiable') notes.add(TEAM_UNVERIFIABLE);
    rejected.push({
      user: claim.user,
      via: claim.via,
      reason: signer.kind === 'unverifiable' ? TEAM_UNVERIFIABLE : 'not a configured signer',
    });
  }
  if (input.required > 0 && input.signers.users.size === 0 && input.signers.teams.length === 0) {
    notes.add(
      'no signers configured: set planes.control.signers (or reviewers, or CODEOWNERS for the control paths)',
    );
  }
  const signerCount = input.signers.users.size;
  if (input.required > signerCount && input.signers.teams.length === 0 && signerCount > 0) {
    notes.add(
      `${UNSATISFIABLE}: ${input.required} sign-off(s) required but only ${signerCount} signer(s) configured`,
    );
  }
  const countedList = [...counted.values()];
  return {
    required: input.required,
    headDigest: input.headDigest,
    counted: countedList,
    rejected: rejected.filter((r) => !counted.has(lower(r.user))),
    notes: [...notes],
    satisfied: countedList.length >= input.required,
  };
}

function claimDigest(claim: SignoffClaim, input: EvaluateInput): DigestLookup {
  if (claim.via === 'comment') return { kind: 'ok', digest: claim.digest ?? '' };
  if (claim.commitId === null) return { kind: 'unavailable', reason: 'review names no commit' };
  if (claim.commitId === input.headSha) return { kind: 'ok', digest: input.headDigest };
  return (
    input.digestAt.get(claim.commitId) ?? {
      kind: 'unavailable',
      reason: `reviewed commit ${claim.commitId.slice(0, 7)} was not diffed`,
    }
  );
}

type SignerStatus = { kind: 'signer'; team?: { team: string } } | { kind: 'unverifiable' } | { kind: 'no' };

function signerStatus(user: string, input: EvaluateInput): SignerStatus {
  if (input.signers.users.has(lower(user))) return { kind: 'signer' };
  let unverifiable = false;
  for (const team of input.signers.teams) {
    const state = input.membership.get(membershipKey(team.org, team.slug, user));
    if (state === 'active') return { kind: 'signer', team: { team: team.raw } };
    if (state === 'unverifiable') unverifiable = true;
  }
  return unverifiable ? { kind: 'unverifiable' } : { kind: 'no' };
}
