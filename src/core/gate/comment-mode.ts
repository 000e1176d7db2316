// When `check` writes its PR comment (`--comment always|on-change|on-failure|never`). A gate that
// comments on every PR gets muted; one that never says it passed leaves a stale failure on the PR.
import type { GateStatuses } from './types.js';

export const COMMENT_MODES = ['always', 'on-change', 'on-failure', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
export const DEFAULT_COMMENT_MODE: CommentMode = 'on-change';

export type CommentDecision =
  | { kind: 'upsert' }
  /** on-failure, nothing fails now, but an earlier comment said it did: say that it passed */
  | { kind: 'update-passed'; existingId: number }
  | { kind: 'skip'; reason: string };

export interface CommentDecisionInput {
  mode: CommentMode;
  dataChanged: boolean;
  controlChanged: boolean;
  statuses: GateStatuses;
  existingId: number | null;
}

export function isCommentMode(value: string): value is CommentMode {
  return (COMMENT_MODES as readonly string[]).includes(value);
}

/** A gate fails when either plane is `failure` or `error` (fail closed: an error is never quiet). */
export function gateFails(statuses: GateStatuses): boolean {
  return [statuses.data.state, statuses.control.state].some((s) => s === 'failure' || s === 'error');
}

export function decideComment(input: CommentDecisionInput): CommentDecision {
  const { mode, existingId } = input;
  if (mode === 'never') return { kind: 'skip', reason: 'comments are off (--comment never)' };
  if (mode === 'always') return { kind: 'upsert' };
  if (mode === 'on-change') {
    if (input.dataChanged || input.controlChanged) return { kind: 'upsert' };
    // an earlier push changed a plane and this one reverted it: the old comment would now be wrong
    if (existingId !== null) return { kind: 'upsert' };
    return { kind: 'skip', reason: 'the pull request changes neither plane: statuses only' };
  }
  if (gateFails(input.statuses)) return { kind: 'upsert' };
  if (existingId !== null) return { kind: 'update-passed', existingId };
  return { kind: 'skip', reason: 'no plane fails (--comment on-failure)' };
}
