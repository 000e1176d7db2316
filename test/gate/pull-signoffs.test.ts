import { describe, expect, it } from 'vitest';
import { gatherPullSignoffs } from '../../src/gate/pull-signoffs.js';
import { collectSignoffClaims, readSigners } from '../../src/core/gate/signoffs.js';
import type { MembershipState, ReviewRecord } from '../../src/core/gate/types.js';
import type { ControlPlaneReport } from '../../src/model/types.js';

const HEAD = 'h'.repeat(40);
const DIGEST = `sha256:${'1'.repeat(64)}`;
const approval = (id: number, user: string): ReviewRecord => ({
  id,
  user,
  state: 'APPROVED',
  commitId: HEAD,
  submittedAt: `2024-01-01T00:00:0${id}Z`,
});

describe('gatherPullSignoffs: team memberships', () => {
  it("looks up every approving user at once, and a user's teams in order up to the first hit", async () => {
    const reviews = [approval(1, 'carol'), approval(2, 'dave'), approval(3, 'erin')];
    const collection = collectSignoffClaims(reviews, [], {
      author: 'author',
      self: 'github-actions[bot]',
      pushers: { logins: [], complete: true, unlinked: [] },
    });
    const calls: string[] = [];
    let inFlight = 0;
    let most = 0;
    const active = new Set(['acme/ops:carol', 'acme/security:dave', 'acme/security:erin']);
    const evaluation = await gatherPullSignoffs({
      control: { changed: true, digest: DIGEST, requiredSignoffs: 2 } as ControlPlaneReport,
      collection,
      signers: readSigners(['@acme/security', '@acme/ops']),
      headSha: HEAD,
      digestAt: () => Promise.reject(new Error('no older commit was reviewed')),
      membershipOf: async (org, slug, user): Promise<MembershipState> => {
        calls.push(`${org}/${slug}:${user}`);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return active.has(`${org}/${slug}:${user}`) ? 'active' : 'inactive';
      },
    });
    expect(most).toBe(3);
    // dave and erin are found in the first team: their second team is never asked about
    expect(calls.sort()).toEqual([
      'acme/ops:carol',
      'acme/security:carol',
      'acme/security:dave',
      'acme/security:erin',
    ]);
    expect(evaluation.counted).toHaveLength(3);
  });
});
