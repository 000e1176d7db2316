import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readGateEvent } from '../../../src/core/gate/event.js';
import { readMergeGroup, readQueueRef } from '../../../src/core/gate/merge-group-event.js';
import { applyMergeQueueVerdict, judgeMergeGroup, unseenFlows } from '../../../src/core/gate/merge-queue.js';
import { status } from '../../../src/core/gate/statuses.js';
import type { SignoffEvaluation } from '../../../src/core/gate/types.js';
import type { Flow } from '../../../src/model/types.js';
import { DIGEST, makeReport } from '../../helpers/make-report.js';
import { webhookExample } from '../../helpers/shared-fixtures.js';

const SHA = 'f'.repeat(40);
const trifecta: Flow = {
  kind: 'lethal-trifecta',
  agent: '*',
  sources: ['read_email', 'export_crm'],
  sinks: ['export_crm'],
};
const signed: SignoffEvaluation = {
  required: 2,
  headDigest: DIGEST,
  counted: [
    { user: 'alice', via: 'review' },
    { user: 'bob', via: 'review' },
  ],
  rejected: [],
  notes: [],
  satisfied: true,
};
const control = (over: object) =>
  makeReport({ control: { changed: true, requiredSignoffs: 2, digest: DIGEST, ...over } }).planes.control;

describe('the merge_group event', () => {
  it("reads GitHub's example: head and base sha, the PR from the queue ref, the target branch", () => {
    const event = readGateEvent('merge_group', webhookExample('merge_group.checks_requested'), undefined);
    expect(event).toMatchObject({
      kind: 'merge-group',
      group: {
        headSha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
        baseSha: '380387fbc80638b734a49e1be1c4dfec1c01b33c',
        prNumber: 104,
        targetBranch: 'main',
      },
    });
  });

  it('ignores other merge_group actions (destroyed)', () => {
    const payload = { ...webhookExample('merge_group.checks_requested'), action: 'destroyed' };
    expect(readGateEvent('merge_group', payload, undefined).kind).toBe('ignored');
  });

  it('reads branches with slashes and refuses hostile refs', () => {
    expect(readQueueRef(`refs/heads/gh-readonly-queue/release/v2/pr-12-${SHA}`)).toEqual({
      branch: 'release/v2',
      prNumber: 12,
      prHead: SHA,
    });
    for (const ref of [
      'refs/heads/gh-readonly-queue/main/pr-0-' + SHA,
      'refs/heads/gh-readonly-queue/main/pr-12-' + SHA.slice(1),
      'refs/heads/gh-readonly-queue/main/pr-12-' + SHA + '\n',
      'refs/heads/main',
      'refs/heads/gh-readonly-queue/main/pr--1-' + SHA,
      'refs/heads/gh-readonly-queue/main/pr-99999999999-' + SHA,
    ])
      expect(readQueueRef(ref)).toBeNull();
  });

  it('a payload without shas is invalid, one naming no PR has prNumber null', () => {
    expect(readMergeGroup({ merge_group: { head_sha: 'x', base_sha: SHA, head_ref: 'r' } })).toMatch(
      /head_sha/,
    );
    expect(readMergeGroup({ merge_group: { head_sha: SHA, base_sha: SHA } })).toMatch(/head_ref/);
    expect(readMergeGroup({})).toMatch(/no merge_group/);
    expect(
      readMergeGroup({ merge_group: { head_sha: SHA, base_sha: SHA, head_ref: 'refs/heads/x' } }),
    ).toMatchObject({
      prNumber: null,
    });
  });
});

describe('judging a merge group', () => {
  it('sign-offs carry when the digest is the PR head’s', () => {
    const judgement = judgeMergeGroup({ group: control({}), pr: control({}), prSignoffs: signed });
    expect(judgement.digestCarried).toBe(true);
    expect(judgement.signoffs.satisfied).toBe(true);
  });

  it('sign-offs do not carry when the digest moved; a narrowing-only group needs none', () => {
    const moved = `sha256:${'1'.repeat(64)}`;
    const judgement = judgeMergeGroup({
      group: control({ digest: moved }),
      pr: control({}),
      prSignoffs: signed,
    });
    expect(judgement.signoffs).toMatchObject({ satisfied: false, counted: [] });
    expect(judgement.signoffs.rejected.map((r) => r.user)).toEqual(['alice', 'bob']);
    const narrowing = judgeMergeGroup({
      group: control({ digest: moved, requiredSignoffs: 0 }),
      pr: control({}),
      prSignoffs: signed,
    });
    expect(narrowing.signoffs.satisfied).toBe(true);
  });

  it('a flow in the group and not in the PR’s report fails closed, even with every sign-off', () => {
    const judgement = judgeMergeGroup({
      group: control({ flows: { added: [trifecta], removed: [] } }),
      pr: control({}),
      prSignoffs: signed,
    });
    const statuses = applyMergeQueueVerdict(
      {
        data: status('agentgate/data-plane', 'success', 'ok'),
        control: status('agentgate/control-plane', 'success', '2 of 2'),
      },
      judgement,
    );
    expect(statuses.control.state).toBe('failure');
    expect(statuses.control.description).toBe('composition changed in the merge queue: lethal-trifecta in *');
  });

  it('a flow is seen only when one PR flow of the same kind and agent covers all its sources and sinks', () => {
    const names = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 });
    fc.assert(
      fc.property(names, names, names, names, (gs, gk, ps, pk) => {
        const group: Flow = { kind: 'untrusted-to-action', agent: 'x', sources: gs, sinks: gk };
        const pr: Flow = { kind: 'untrusted-to-action', agent: 'x', sources: ps, sinks: pk };
        const covered = gs.every((s) => ps.includes(s)) && gk.every((s) => pk.includes(s));
        expect(unseenFlows([group], [pr])).toEqual(covered ? [] : [group]);
        expect(unseenFlows([group], [{ ...pr, agent: 'y' }])).toEqual([group]);
        expect(unseenFlows([group], [{ ...pr, kind: 'lethal-trifecta' }])).toEqual([group]);
      }),
    );
  });

  it('a control plane that would wait fails in the queue; a waiting data plane stays pending', () => {
    const judgement = judgeMergeGroup({ group: control({}), pr: control({}), prSignoffs: signed });
    const statuses = applyMergeQueueVerdict(
      {
        data: status('agentgate/data-plane', 'pending', 'waiting for eval results'),
        control: status('agentgate/control-plane', 'pending', 'needs 2 sign-off(s)'),
      },
      judgement,
    );
    expect(statuses.control).toMatchObject({
      state: 'failure',
      description: 'merge queue: needs 2 sign-off(s)',
    });
    expect(statuses.data.state).toBe('pending');
  });
});
