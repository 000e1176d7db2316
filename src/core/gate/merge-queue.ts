// A merge group is judged as its own change (base_sha..head_sha) but signed through its pull request: the PR's
// sign-offs carry only when the capability digest did not move, and a dangerous path the queued result has and
// the PR's own report did not show fails closed. Two PRs that each add half of a lethal trifecta meet here.
import type { ControlPlaneReport, Flow } from '../../model/types.js';
import { shortDigest } from './signoff-command.js';
import { CONTROL_CONTEXT } from './types.js';
import type { GateStatuses, SignoffEvaluation } from './types.js';
import { status } from './statuses.js';

export const COMPOSITION_CHANGED = 'composition changed in the merge queue';

export interface MergeQueueJudgement {
  signoffs: SignoffEvaluation;
  /** dangerous paths of the group that the PR's own report did not show */
  unseenFlows: Flow[];
  digestCarried: boolean;
}

/** A group flow is seen when one PR flow of the same kind and agent covers all its sources and sinks. */
export function unseenFlows(group: readonly Flow[], pr: readonly Flow[]): Flow[] {
  return group.filter(
    (flow) =>
      !pr.some(
        (seen) =>
          seen.kind === flow.kind &&
          seen.agent === flow.agent &&
          flow.sources.every((s) => seen.sources.includes(s)) &&
          flow.sinks.every((s) => seen.sinks.includes(s)),
      ),
  );
}

export function judgeMergeGroup(input: {
  group: ControlPlaneReport;
  pr: ControlPlaneReport;
  prSignoffs: SignoffEvaluation;
}): MergeQueueJudgement {
  const { group, pr, prSignoffs } = input;
  const required = group.changed ? group.requiredSignoffs : 0;
  const unseen = unseenFlows(group.flows.added, pr.flows.added);
  const digestCarried = group.digest === pr.digest;
  if (digestCarried) {
    return {
      signoffs: {
        ...prSignoffs,
        required,
        headDigest: group.digest,
        satisfied: required === 0 || (prSignoffs.satisfied && prSignoffs.counted.length >= required),
      },
      unseenFlows: unseen,
      digestCarried,
    };
  }
  const note = `capability digest changed in the merge queue (PR ${shortDigest(pr.digest)}, group ${shortDigest(group.digest)}): the PR's sign-offs do not carry`;
  return {
    signoffs: {
      required,
      headDigest: group.digest,
      counted: [],
      rejected: prSignoffs.counted.map((c) => ({
        user: c.user,
        via: c.via,
        reason: `signed digest ${shortDigest(pr.digest)}, the merge group's is ${shortDigest(group.digest)}`,
      })),
      notes: [...(required > 0 ? [note] : []), ...prSignoffs.notes],
      satisfied: required === 0,
    },
    unseenFlows: unseen,
    digestCarried,
  };
}

/**
 * The queue cannot wait for a sign-off (no one can review a merge group), so a control plane that would wait
 * fails instead, and an unseen dangerous path fails whatever the sign-offs say.
 */
export function applyMergeQueueVerdict(statuses: GateStatuses, judgement: MergeQueueJudgement): GateStatuses {
  if (judgement.unseenFlows.length > 0) {
    const first = judgement.unseenFlows[0] as Flow;
    const more = judgement.unseenFlows.length > 1 ? ` (+${judgement.unseenFlows.length - 1} more)` : '';
    return {
      ...statuses,
      control: status(
        CONTROL_CONTEXT,
        'failure',
        `${COMPOSITION_CHANGED}: ${first.kind} in ${first.agent}${more}`,
      ),
    };
  }
  if (statuses.control.state === 'pending') {
    const why = judgement.digestCarried
      ? statuses.control.description
      : `sign-offs do not carry: capability digest changed in the merge queue; ${statuses.control.description}`;
    return { ...statuses, control: status(CONTROL_CONTEXT, 'failure', `merge queue: ${why}`) };
  }
  return statuses;
}
