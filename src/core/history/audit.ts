import type { CountedSignoff, SignoffEvaluation } from '../gate/types.js';
import { compareRadius } from '../radius/radius.js';
import type { Radius, RefInfo } from '../../model/types.js';
import type { LastChange } from './scope.js';

/**
 * signed: enough sign-offs on the merged digest; not-required: the change needed none (a narrowing);
 * unsigned: merged through a pull request without them; no-pull-request: reached the branch without one;
 * unknown: history does not say which commit changed the tool.
 */
export type AuditVerdict = 'signed' | 'not-required' | 'unsigned' | 'no-pull-request' | 'unknown';

export interface PullSummary {
  number: number;
  author: string;
  url: string;
}

/** What GitHub and the local diff say about one merged change; cached per pull request when it passed. */
export interface PullAudit {
  pull: PullSummary;
  headSha: string;
  /** the capability digest that was merged */
  digest: string;
  /** `pull`: diffed base..head of the pull request; `merge-commit`: its head was gone, so the merge commit against its first parent */
  digestSource: 'pull' | 'merge-commit';
  required: number;
  counted: CountedSignoff[];
  /** why sign-offs that were given did not count */
  rejected: string[];
  notes: string[];
  satisfied: boolean;
}

export interface AuditedTool {
  name: string;
  radius: Radius;
  path: string;
  verdict: AuditVerdict;
  change: LastChange | null;
  pull: PullSummary | null;
  digest: string | null;
  digestSource: PullAudit['digestSource'] | null;
  required: number;
  counted: CountedSignoff[];
  reasons: string[];
}

export interface AuditReport {
  schemaVersion: 1;
  repo: string;
  ref: RefInfo;
  tools: AuditedTool[];
  /** tools whose verdict is unsigned, no-pull-request or unknown */
  failing: number;
}

export const FAILING_VERDICTS: readonly AuditVerdict[] = ['unsigned', 'no-pull-request', 'unknown'];

/** Of the pull requests GitHub associates with a commit, the one that merged it. */
export function chooseMergingPull<T extends { mergedAt: string | null; mergeCommitSha: string | null }>(
  pulls: readonly T[],
  sha: string,
): T | null {
  return (
    pulls.find((pull) => pull.mergedAt !== null && pull.mergeCommitSha === sha) ??
    pulls.find((pull) => pull.mergedAt !== null) ??
    null
  );
}

/** A sign-off evaluation in the form the audit keeps. */
export function summarizePull(
  pull: PullSummary,
  headSha: string,
  digestSource: PullAudit['digestSource'],
  evaluation: SignoffEvaluation,
): PullAudit {
  return {
    pull,
    headSha,
    digest: evaluation.headDigest,
    digestSource,
    required: evaluation.required,
    counted: evaluation.counted,
    rejected: evaluation.rejected.map((r) => `${r.user} (${r.via}): ${r.reason}`),
    notes: evaluation.notes,
    satisfied: evaluation.satisfied,
  };
}

export interface AuditToolInput {
  name: string;
  radius: Radius;
  path: string;
  change: LastChange | null;
  /** undefined: the change's commit reached the branch without a pull request */
  audit: PullAudit | undefined;
}

export function auditTool(input: AuditToolInput): AuditedTool {
  const base = { name: input.name, radius: input.radius, path: input.path, change: input.change };
  if (input.change === null) {
    return {
      ...base,
      verdict: 'unknown',
      pull: null,
      digest: null,
      digestSource: null,
      required: 0,
      counted: [],
      reasons: ['no commit in the first-parent history changed this tool'],
    };
  }
  const audit = input.audit;
  if (audit === undefined) {
    return {
      ...base,
      verdict: 'no-pull-request',
      pull: null,
      digest: null,
      digestSource: null,
      required: 0,
      counted: [],
      reasons: [`commit ${input.change.sha.slice(0, 8)} reached the branch without a pull request`],
    };
  }
  const verdict: AuditVerdict =
    audit.required === 0 ? 'not-required' : audit.satisfied ? 'signed' : 'unsigned';
  const reasons =
    verdict === 'unsigned'
      ? [
          `${audit.counted.length} of ${audit.required} sign-off(s) on digest ${audit.digest.replace(/^sha256:/, '').slice(0, 8)}`,
          ...audit.rejected,
          ...audit.notes,
        ]
      : [];
  return {
    ...base,
    verdict,
    pull: audit.pull,
    digest: audit.digest,
    digestSource: audit.digestSource,
    required: audit.required,
    counted: audit.counted,
    reasons,
  };
}

/** Failing tools first, then the highest radius, then by name. */
export function buildAuditReport(repo: string, ref: RefInfo, tools: AuditedTool[]): AuditReport {
  const failing = (tool: AuditedTool) => (FAILING_VERDICTS.includes(tool.verdict) ? 0 : 1);
  const sorted = [...tools].sort(
    (a, b) =>
      failing(a) - failing(b) ||
      compareRadius(b.radius, a.radius) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return {
    schemaVersion: 1,
    repo,
    ref,
    tools: sorted,
    failing: sorted.filter((tool) => failing(tool) === 0).length,
  };
}
