import { describe, expect, it } from 'vitest';
import {
  PUSHERS_INCOMPLETE,
  PUSHERS_UNLINKED,
  TEAM_UNVERIFIABLE,
  UNSATISFIABLE,
  collectSignoffClaims,
  commitsNeedingDigest,
  evaluateSignoffs,
  membershipChecksNeeded,
  membershipKey,
  readSigners,
} from '../../../src/core/gate/signoffs.js';
import type { PrPushers } from '../../../src/core/gate/signoffs.js';
import { parseSignoffCommand } from '../../../src/core/gate/signoff-command.js';
import type {
  CommentRecord,
  DigestLookup,
  MembershipState,
  ReviewRecord,
} from '../../../src/core/gate/types.js';
import { REPORT_MARKER } from '../../../src/core/gate/types.js';

const NO_PUSHERS: PrPushers = { logins: [], complete: true, unlinked: [] };
const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const D_HEAD = `sha256:${'1'.repeat(64)}`;
const D_OLD = `sha256:${'2'.repeat(64)}`;
let id = 0;
let clock = 0;
const at = () => `2024-01-01T00:00:${String(clock++).padStart(2, '0')}Z`;
const review = (user: string, state: string, commitId = HEAD): ReviewRecord => ({
  id: ++id,
  user,
  state,
  commitId,
  submittedAt: at(),
});
const comment = (user: string, body: string, edited = false): CommentRecord => {
  const created = at();
  return { id: ++id, user, body, createdAt: created, updatedAt: edited ? '2030-01-01T00:00:00Z' : created };
};

function evaluate(
  reviews: ReviewRecord[],
  comments: CommentRecord[] = [],
  options: {
    signers?: string[];
    required?: number;
    digestAt?: Map<string, DigestLookup>;
    membership?: Map<string, MembershipState>;
    pushers?: PrPushers;
  } = {},
) {
  const collection = collectSignoffClaims(reviews, comments, {
    author: 'author',
    self: 'github-actions[bot]',
    pushers: options.pushers ?? NO_PUSHERS,
  });
  return evaluateSignoffs({
    collection,
    signers: readSigners(options.signers ?? ['@alice', '@bob', '@author', '@acme/security']),
    required: options.required ?? 2,
    headSha: HEAD,
    headDigest: D_HEAD,
    digestAt: options.digestAt ?? new Map([[OLD, { kind: 'ok', digest: D_OLD }]]),
    membership: options.membership ?? new Map(),
  });
}

describe('sign-off evaluation', () => {
  it('two signers approving the head satisfy a two-sign-off change', () => {
    const result = evaluate([review('alice', 'APPROVED'), review('bob', 'APPROVED')]);
    expect(result.satisfied).toBe(true);
    expect(result.counted.map((c) => c.user)).toEqual(['alice', 'bob']);
  });

  it("the author's own sign-off, a non-signer's approval, a dismissed and a commented review do not count", () => {
    const result = evaluate(
      [review('carol', 'APPROVED'), review('bob', 'DISMISSED'), review('alice', 'COMMENTED')],
      [comment('author', `/agentgate signoff ${D_HEAD}`)],
    );
    expect(result.counted).toEqual([]);
    expect(result.satisfied).toBe(false);
    const reasons = Object.fromEntries(result.rejected.map((r) => [r.user, r.reason]));
    expect(reasons).toEqual({
      carol: 'not a configured signer',
      bob: 'review was dismissed',
      author: 'is the PR author',
    });
  });

  it('counts a user once however many times they approve', () => {
    const result = evaluate(
      [review('alice', 'APPROVED'), review('alice', 'APPROVED')],
      [comment('alice', `/agentgate signoff ${D_HEAD}`)],
    );
    expect(result.counted).toHaveLength(1);
  });

  it('a later CHANGES_REQUESTED supersedes an earlier approval', () => {
    const result = evaluate([
      review('alice', 'APPROVED'),
      review('bob', 'APPROVED'),
      review('alice', 'CHANGES_REQUESTED'),
    ]);
    expect(result.counted.map((c) => c.user)).toEqual(['bob']);
    expect(result.rejected).toContainEqual({
      user: 'alice',
      via: 'review',
      reason: 'superseded by a later review requesting changes',
    });
  });

  it('an approval at an older commit counts only when that commit has the same capability digest', () => {
    const same = evaluate([review('alice', 'APPROVED', OLD), review('bob', 'APPROVED')], [], {
      digestAt: new Map([[OLD, { kind: 'ok', digest: D_HEAD }]]),
    });
    expect(same.satisfied).toBe(true);
    const moved = evaluate([review('alice', 'APPROVED', OLD), review('bob', 'APPROVED')]);
    expect(moved.counted.map((c) => c.user)).toEqual(['bob']);
    expect(moved.rejected[0]?.reason).toBe(
      'approved commit ooooooo has capability digest 22222222, the head has 11111111',
    );
  });

  it('an approval whose commit cannot be diffed does not count', () => {
    const result = evaluate([review('alice', 'APPROVED', OLD)], [], {
      digestAt: new Map([[OLD, { kind: 'unavailable', reason: 'commit ooooooo is not in this clone' }]]),
    });
    expect(result.counted).toEqual([]);
    expect(result.rejected[0]?.reason).toBe('commit ooooooo is not in this clone');
  });

  it('a sign-off comment counts for the digest it names, not for another', () => {
    const right = evaluate([], [comment('alice', `looks fine\n/agentgate signoff ${D_HEAD}\n`)], {
      required: 1,
    });
    expect(right.satisfied).toBe(true);
    const wrong = evaluate([], [comment('alice', `/agentgate signoff ${D_OLD}`)], { required: 1 });
    expect(wrong.satisfied).toBe(false);
  });

  it('an edited sign-off comment does not count', () => {
    const result = evaluate([], [comment('alice', `/agentgate signoff ${D_HEAD}`, true)], { required: 1 });
    expect(result.satisfied).toBe(false);
    expect(result.rejected[0]?.reason).toMatch(/edited/);
  });

  it('team signers count when membership is active and say so when it is unverifiable', () => {
    const membership = new Map<string, MembershipState>([
      [membershipKey('acme', 'security', 'dave'), 'active'],
      [membershipKey('acme', 'security', 'erin'), 'unverifiable'],
    ]);
    const result = evaluate([review('dave', 'APPROVED'), review('erin', 'APPROVED')], [], { membership });
    expect(result.counted).toEqual([{ user: 'dave', via: 'review', team: '@acme/security' }]);
    expect(result.rejected).toEqual([{ user: 'erin', via: 'review', reason: TEAM_UNVERIFIABLE }]);
    expect(result.notes).toEqual([TEAM_UNVERIFIABLE]);
  });

  it('zero required sign-offs are satisfied at once', () => {
    expect(evaluate([], [], { required: 0 }).satisfied).toBe(true);
  });
});

describe('a gate no one can satisfy', () => {
  it('says so when fewer signers are configured than sign-offs are required', () => {
    const result = evaluate([review('alice', 'APPROVED')], [], { signers: ['@alice'], required: 2 });
    expect(result.satisfied).toBe(false);
    expect(result.notes.some((n) => n.startsWith(UNSATISFIABLE))).toBe(true);
    const teams = evaluate([], [], { signers: ['@alice', '@acme/security'], required: 2 });
    expect(teams.notes.some((n) => n.startsWith(UNSATISFIABLE))).toBe(false);
  });
});

describe('who pushed to the PR cannot sign it', () => {
  it('rejects approvals and comments from anyone who authored or committed a commit, by login, any case', () => {
    const result = evaluate(
      [review('Alice', 'APPROVED'), review('bob', 'APPROVED')],
      [comment('carol', `/agentgate signoff ${D_HEAD}`)],
      {
        signers: ['@alice', '@bob', '@carol'],
        pushers: { logins: ['alice', 'CAROL'], complete: true, unlinked: [] },
      },
    );
    expect(result.counted.map((c) => c.user)).toEqual(['bob']);
    expect(result.satisfied).toBe(false);
    expect(result.rejected.filter((r) => r.reason.includes('committed a commit')).map((r) => r.user)).toEqual(
      ['Alice', 'carol'],
    );
  });

  it('counts nobody when the commit list may be cut (250 commits)', () => {
    const result = evaluate([review('alice', 'APPROVED'), review('bob', 'APPROVED')], [], {
      pushers: { logins: [], complete: false, unlinked: [] },
    });
    expect(result.counted).toEqual([]);
    expect(result.rejected.every((r) => r.reason === PUSHERS_INCOMPLETE)).toBe(true);
  });

  it('counts nobody while a commit maps to no GitHub account, and says so even when nobody signed', () => {
    const pushers = { logins: ['mallory'], complete: true, unlinked: ['abc1234'] };
    const result = evaluate(
      [review('alice', 'APPROVED'), review('bob', 'APPROVED')],
      [comment('carol', `/agentgate signoff ${D_HEAD}`)],
      { signers: ['@alice', '@bob', '@carol'], pushers },
    );
    expect(result.counted).toEqual([]);
    expect(result.satisfied).toBe(false);
    expect(result.rejected.map((r) => r.user).sort()).toEqual(['alice', 'bob', 'carol']);
    expect(result.rejected.every((r) => r.reason.startsWith(PUSHERS_UNLINKED))).toBe(true);
    expect(result.notes.some((n) => n.startsWith(PUSHERS_UNLINKED) && n.includes('abc1234'))).toBe(true);
    expect(evaluate([], [], { pushers }).notes.some((n) => n.startsWith(PUSHERS_UNLINKED))).toBe(true);
  });
});

describe('what the I/O layer must look up', () => {
  it('digests only for reviewed commits other than the head', () => {
    const { claims } = collectSignoffClaims(
      [review('alice', 'APPROVED', OLD), review('bob', 'APPROVED', HEAD), review('x', 'APPROVED', OLD)],
      [],
      {
        author: 'author',
        self: 'bot',
        pushers: NO_PUSHERS,
      },
    );
    expect(commitsNeedingDigest(claims, HEAD)).toEqual([OLD]);
  });

  it('team memberships only for matching sign-offs by users not listed by login', () => {
    const { claims } = collectSignoffClaims(
      [review('alice', 'APPROVED'), review('dave', 'APPROVED'), review('erin', 'APPROVED', OLD)],
      [],
      {
        author: 'author',
        self: 'bot',
        pushers: NO_PUSHERS,
      },
    );
    const needed = membershipChecksNeeded(
      claims,
      readSigners(['@alice', '@acme/security']),
      (c) => c.commitId === HEAD,
    );
    expect(needed.map((n) => n.user)).toEqual(['dave']);
  });
});

describe('parseSignoffCommand', () => {
  it('needs the command on its own line', () => {
    expect(parseSignoffCommand(`/agentgate signoff ${D_HEAD}`)).toBe(D_HEAD);
    expect(parseSignoffCommand(`please run /agentgate signoff ${D_HEAD}`)).toBeNull();
    expect(parseSignoffCommand(`> /agentgate signoff ${D_HEAD}`)).toBeNull();
    expect(parseSignoffCommand(`/agentgate signoff sha256:${'1'.repeat(63)}`)).toBeNull();
  });

  it('never reads our own report (which shows the command) as a sign-off', () => {
    expect(parseSignoffCommand(`${REPORT_MARKER}\n/agentgate signoff ${D_HEAD}`)).toBeNull();
  });
});
