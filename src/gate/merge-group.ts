// `check` on `merge_group`: both statuses on the group's head, the change diffed from base_sha to
// head_sha, the PR's sign-offs carried only when the capability digest is the PR's own, and a dangerous path the
// PR's own report never showed failing closed. No comment and no reviewer request: a merge group has no PR page.
import { planCheckRuns } from '../core/gate/check-runs.js';
import type { MergeGroupRef } from '../core/gate/merge-group-event.js';
import { applyMergeQueueVerdict, judgeMergeGroup } from '../core/gate/merge-queue.js';
import type { MergeQueueJudgement } from '../core/gate/merge-queue.js';
import { planStatuses } from '../core/gate/statuses.js';
import type { GatePlan, GateStatuses, RepoRef } from '../core/gate/types.js';
import type { Config, DiffReport } from '../model/types.js';
import { GitError } from '../git/git-error.js';
import { verifyRef } from '../git/refs.js';
import type { GitHubApi } from '../github/api.js';
import { setErrorStatuses } from '../github/apply-plan.js';
import type { GitHubEnv } from '../github/env.js';
import { computeDiff } from '../load/compute-diff.js';
import { renderJobSummary } from '../render/comment.js';
import { revealLine } from '../render/reveal.js';
import { AgentgateError, GateFailure, UsageError } from '../errors.js';
import type { CheckOptions, CheckResult } from './check-types.js';
import { evalState, gatherGateInputs } from './check-inputs.js';
import { figuresOf, writeReportFiles, writeSummary } from './check-outputs.js';
import { publishGate } from './publish.js';
import { floorOptions } from './check-setup.js';
import type { FloorOptions } from '../load/apply-floors.js';

export interface MergeGroupContext {
  options: CheckOptions;
  env: GitHubEnv;
  api: GitHubApi;
  event: { name: string; repo: RepoRef; group: MergeGroupRef };
}

export async function runMergeGroupCheck(context: MergeGroupContext): Promise<CheckResult> {
  const { options, env, api, event } = context;
  const { group } = event;
  try {
    if (group.prNumber === null)
      throw new UsageError(
        `cannot tell which pull request merge group ${group.headRef} holds (expected gh-readonly-queue/<branch>/pr-<n>-<sha>)`,
      );
    const pr = await api.pullRequest(group.prNumber);
    const [groupDiff, prInputs] = await Promise.all([
      diffGroup(options.cwd, group, floorOptions(options, api)),
      gatherGateInputs(options.cwd, pr, api, floorOptions(options, api)),
    ]);
    const report = groupDiff.report;
    const judgement = judgeMergeGroup({
      group: report.planes.control,
      pr: prInputs.report.planes.control,
      prSignoffs: prInputs.signoffs,
    });
    const statuses = groupStatuses(report, groupDiff.config, judgement);
    const files = writeReportFiles(
      options.cwd,
      { reportJson: options.reportJson, sarif: options.sarif },
      { report, statuses, signoffs: judgement.signoffs },
    );
    const unseen = judgement.unseenFlows.map(
      (f) =>
        `composition changed in the merge queue: ${f.kind} in agent ${f.agent} (sources ${f.sources.join(', ')}; sinks ${f.sinks.join(', ')}) is in the merge group and not in #${pr.number}'s own report`,
    );
    const summary = renderJobSummary({
      report,
      statuses,
      signoffs: judgement.signoffs,
      signers: prInputs.signers,
      prNumber: pr.number,
      runUrl: env.runUrl,
      lead: [
        `Merge group \`${group.headSha.slice(0, 12)}\` (#${pr.number} on \`${group.targetBranch ?? 'the base'}\`), diffed from \`${group.baseSha.slice(0, 12)}\`.`,
        ...unseen.map((line) => `> [!CAUTION]\n> ${line.replace(/[<>@`]/g, ' ')}`),
      ],
      reportFile: files.reportJson,
    });
    const plan: GatePlan = {
      repo: event.repo,
      pr,
      statuses,
      reviewers: null,
      comment: { existingId: null, body: '' },
      summary,
      notes: [...prInputs.notes, ...judgement.signoffs.notes, ...unseen],
      targetUrl: env.runUrl,
    };
    const report_ = options.report ?? 'statuses';
    const checkRuns = planCheckRuns({
      statuses,
      findings: report.findings,
      config: groupDiff.config,
      text: summary,
    });
    const published = await publishGate(api, {
      plan,
      sha: group.headSha,
      comment: null,
      passedBody: '',
      report: report_,
      checkRuns,
      annotations: checkRuns.flatMap((run) => run.annotations),
      printAnnotations: report_ === 'statuses' && options.env.GITHUB_ACTIONS === 'true',
      print: options.print,
    });
    writeSummary(env, summary, options.warn);
    for (const status of [statuses.control, statuses.data])
      options.print(`${status.context}: ${status.state} - ${revealLine(status.description)}`);
    for (const note of [...plan.notes, ...published.notes])
      options.warn(`agentgate: note: ${revealLine(note)}`);
    return {
      dataState: statuses.data.state,
      controlState: statuses.control.state,
      digest: report.planes.control.digest,
      exitCode: statuses.data.state === 'failure' || statuses.control.state === 'failure' ? 1 : 0,
      figures: figuresOf(report, judgement.signoffs),
      commentUrl: null,
      files,
    };
  } catch (error) {
    const message = revealLine(error instanceof Error ? error.message : String(error));
    const failed = await setErrorStatuses(api, group.headSha, message, {
      targetUrl: env.runUrl,
      checkRuns: (options.report ?? 'statuses') !== 'statuses',
    });
    const suffix = failed
      ? `; the error status could not be set either (${failed.message})`
      : '; agentgate/control-plane set to error on the merge group';
    const exitCode = error instanceof AgentgateError ? error.exitCode : 2;
    if (exitCode === 1) throw new GateFailure(`${message}${suffix}`);
    throw new MergeGroupError(`${message}${suffix}`, exitCode);
  }
}

/** `check` on a merge group failed before it could judge; the group's control plane was set to error. */
export class MergeGroupError extends AgentgateError {
  static override readonly code: string = 'AGENTGATE_MERGE_GROUP_FAILED_CLOSED';
}

async function diffGroup(cwd: string, group: MergeGroupRef, floor: FloorOptions) {
  try {
    const [base, head] = await Promise.all([verifyRef(cwd, group.baseSha), verifyRef(cwd, group.headSha)]);
    return await computeDiff({ cwd, base, head, gateCommit: base, floor });
  } catch (error) {
    if (error instanceof GitError && ['bad-ref', 'missing-commit', 'shallow'].includes(error.kind))
      throw new UsageError(
        `the merge group's head (${group.headSha.slice(0, 12)}) or base (${group.baseSha.slice(0, 12)}) is not in this clone: check out with actions/checkout fetch-depth: 0 [${error.message}]`,
      );
    throw error;
  }
}

/** The group head's two statuses: the plan for its diff, then the merge queue's verdict over it. */
export function groupStatuses(
  report: DiffReport,
  config: Config,
  judgement: MergeQueueJudgement,
): GateStatuses {
  return applyMergeQueueVerdict(
    planStatuses({ report, config, signoffs: judgement.signoffs, evalResults: evalState(report) }),
    judgement,
  );
}
