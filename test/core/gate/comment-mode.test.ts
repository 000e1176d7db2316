import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMENT_MODES, decideComment, isCommentMode } from '../../../src/core/gate/comment-mode.js';
import { status } from '../../../src/core/gate/statuses.js';
import type { GateStatuses, StatusState } from '../../../src/core/gate/types.js';

const statuses = (data: StatusState, control: StatusState): GateStatuses => ({
  data: status('agentgate/data-plane', data, 'd'),
  control: status('agentgate/control-plane', control, 'c'),
});
const passing = statuses('success', 'success');

describe('decideComment', () => {
  it('on-change: no comment on a PR that changes neither plane, one when a plane changed', () => {
    const base = { mode: 'on-change' as const, statuses: passing, existingId: null };
    expect(decideComment({ ...base, dataChanged: false, controlChanged: false }).kind).toBe('skip');
    expect(decideComment({ ...base, dataChanged: true, controlChanged: false }).kind).toBe('upsert');
    expect(decideComment({ ...base, dataChanged: false, controlChanged: true }).kind).toBe('upsert');
  });

  it('on-change keeps an earlier comment true when a later push reverted every change', () => {
    const decision = decideComment({
      mode: 'on-change',
      statuses: passing,
      existingId: 5,
      dataChanged: false,
      controlChanged: false,
    });
    expect(decision.kind).toBe('upsert');
  });

  it('on-failure: comments on failure or error, updates an existing comment once the gate passes, else silent', () => {
    const base = { mode: 'on-failure' as const, dataChanged: true, controlChanged: true };
    expect(decideComment({ ...base, statuses: statuses('failure', 'success'), existingId: null }).kind).toBe(
      'upsert',
    );
    expect(decideComment({ ...base, statuses: statuses('success', 'error'), existingId: null }).kind).toBe(
      'upsert',
    );
    expect(decideComment({ ...base, statuses: passing, existingId: 9 })).toEqual({
      kind: 'update-passed',
      existingId: 9,
    });
    expect(decideComment({ ...base, statuses: statuses('success', 'pending'), existingId: null }).kind).toBe(
      'skip',
    );
  });

  it('never never comments and always always does, whatever the PR', () => {
    const states = fc.constantFrom<StatusState>('success', 'failure', 'pending', 'error');
    fc.assert(
      fc.property(states, states, fc.boolean(), fc.boolean(), fc.option(fc.nat()), (d, c, dc, cc, id) => {
        const input = { statuses: statuses(d, c), dataChanged: dc, controlChanged: cc, existingId: id };
        expect(decideComment({ ...input, mode: 'never' }).kind).toBe('skip');
        expect(decideComment({ ...input, mode: 'always' }).kind).toBe('upsert');
        // a failing gate is never silent unless comments are off
        if ([d, c].some((s) => s === 'failure' || s === 'error'))
          for (const mode of ['on-failure', 'always'] as const)
            expect(decideComment({ ...input, mode }).kind).toBe('upsert');
      }),
    );
  });

  it('knows exactly its four modes', () => {
    expect(COMMENT_MODES).toEqual(['always', 'on-change', 'on-failure', 'never']);
    for (const odd of ['', 'ALWAYS', 'on_change', 'never ', '__proto__', 'constructor'])
      expect(isCommentMode(odd)).toBe(false);
  });
});
