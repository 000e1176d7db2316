import { readFileSync } from 'node:fs';
import { planCheckRuns } from '../core/gate/check-runs.js';
import { DEFAULT_COMMENT_MODE, decideComment } from '../core/gate/comment-mode.js';
import { readGateEvent } from '../core/gate/event.js';
import { decideGate } from '../core/gate/plan.js';
import { splitHint } from '../core/gate/split-hint.js';
import type { GatePlan, PullRequestRef, StatusPlan } from '../core/gate/types.js';
import { GitHubApi } from '../github/api.js';
import { setErrorStatuses } from '../github/apply-plan.js';
import { createGitHubClient } from '../github/client.js';
import { readGitHubEnv } from '../github/env.js';
import type { GitHubEnv } from '../github/env.js';
import { renderJobSummary, renderReportComment } from '../render/comment.js';
import { renderPlanText } from '../render/gate-plan.js';
import { revealLine } from '../render/reveal.js';
import { AgentgateError, GateFailure, UsageError } from '../errors.js';
import { gatherGateInputs } from './check-inputs.js';
import { figuresOf, writeReportFiles, writeSummary } from './check-outputs.js';
import { botLoginOf, describeWrites, floorOptions } from './check-setup.js';
import { dryRunCommentEvent, dryRunMergeGroup, plannedReads } from './dry-run-events.js';
import type { CheckOptions, CheckResult } from './check-types.js';
import { runMergeGroupCheck } from './merge-group.js';
import { publishGate } from './publish.js';
import { runSplitCommand } from './split-on-github.js';

export type { CheckOptions, CheckResult } from './check-types.js';

const NOTHING: CheckResult = {
  dataState: null,
  controlState: null,
  digest: null,
  exitCode: 0,
  figures: null,
  commentUrl: null,
  files: { reportJson: null, sarif: null },
};

/**
 * `agentgate check`: event -> local diff -> GitHub reads -> plan -> apply (or print, with --dry-run).
 * Fails closed: once the head is known, any error leaves the control plane at `error`, and throws.
 */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const env = readGitHubEnv(options.env);
  const eventName = options.eventName ?? env.eventName;
  const eventPath = options.eventPath ?? env.eventPath;
  if (!eventName || !eventPath) {
    throw new UsageError(
      'GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: run in GitHub Actions, or pass --event-name and --event-path',
    );
  }
  const event = readGateEvent(eventName, readPayload(eventPath), env.repository);
  if (event.kind === 'ignored') {
    options.print(`agentgate: ${event.reason}: nothing to do`);
    return NOTHING;
  }
  if (event.kind === 'invalid') throw new UsageError(`${eventPath}: ${event.reason}`);
  if (!options.dryRun && !env.token)
    throw new UsageError('no token: set AGENTGATE_TOKEN or GITHUB_TOKEN (or use --dry-run)');
  const api = options.dryRun
    ? null
    : new GitHubApi(
        createGitHubClient({ token: env.token as string, baseUrl: env.apiUrl, warn: options.warn }),
        event.repo,
        botLoginOf(options.appSlug),
        { actionsToken: env.actionsToken },
      );
  if (event.kind === 'merge-group') {
    if (!api) return dryRunMergeGroup(options, event);
    return runMergeGroupCheck({ options, env, api, event });
  }

  let pr: PullRequestRef;
  if (event.kind === 'pull-request') pr = event.pr;
  else if (api) pr = await api.pullRequest(event.number);
  else return dryRunCommentEvent(event, options.print);
  if (!pr.open) {
    options.print(`agentgate: pull request #${pr.number} is closed: nothing to do`);
    return NOTHING;
  }

  let data: StatusPlan | null = null;
  try {
    const inputs = await gatherGateInputs(options.cwd, pr, api, floorOptions(options, api));
    const decision = decideGate({ ...inputs, eventName: event.name, repo: event.repo, pr });
    data = decision.statuses.data;
    const files = writeReportFiles(
      options.cwd,
      { reportJson: options.reportJson, sarif: options.sarif },
      { report: inputs.report, statuses: decision.statuses, signoffs: inputs.signoffs },
    );
    const hint = splitHint(inputs.report, decision.statuses, inputs.split);
    const view = {
      report: inputs.report,
      statuses: decision.statuses,
      signoffs: inputs.signoffs,
      signers: inputs.signers,
      prNumber: pr.number,
      runUrl: env.runUrl,
      hints: hint ? [hint] : [],
      reportFile: files.reportJson,
      promptTexts: inputs.promptTexts,
    };
    const comment = renderReportComment(view);
    const commentDecision = decideComment({
      mode: options.comment ?? DEFAULT_COMMENT_MODE,
      dataChanged: inputs.report.planes.data.changed,
      controlChanged: inputs.report.planes.control.changed,
      statuses: decision.statuses,
      existingId: decision.existingCommentId,
    });
    const plan: GatePlan = {
      repo: event.repo,
      pr,
      statuses: decision.statuses,
      reviewers: decision.reviewers,
      comment: { existingId: decision.existingCommentId, body: comment.body },
      summary: renderJobSummary(view),
      notes: [
        ...inputs.notes,
        ...decision.notes,
        ...(comment.truncated
          ? ['the report was cut to fit the comment; all of it is in the job summary']
          : []),
      ],
      targetUrl: env.runUrl,
    };
    const report = options.report ?? 'statuses';
    const checkRuns = planCheckRuns({
      statuses: decision.statuses,
      findings: inputs.report.findings,
      config: inputs.config,
      text: plan.summary,
    });
    const result: CheckResult = {
      dataState: plan.statuses.data.state,
      controlState: plan.statuses.control.state,
      digest: inputs.report.planes.control.digest,
      exitCode: plan.statuses.data.state === 'failure' || plan.statuses.control.state === 'failure' ? 1 : 0,
      figures: figuresOf(inputs.report, inputs.signoffs),
      commentUrl: null,
      files,
    };
    if (!api) {
      plan.notes.push(...describeWrites(event.repo, commentDecision, report, checkRuns));
      options.print(
        renderPlanText(plan, plannedReads(event.repo, pr.number, inputs.signers), {
          commentSkipped: commentDecision.kind === 'skip' ? commentDecision.reason : undefined,
        }),
      );
      return result;
    }
    const published = await publishGate(api, {
      plan,
      sha: pr.headSha,
      comment: commentDecision,
      passedBody: renderReportComment({
        ...view,
        lead: [passedLead(decision.statuses, pr.headSha)],
      }).body,
      report,
      checkRuns,
      annotations: [...checkRuns[0]!.annotations, ...checkRuns[1]!.annotations],
      printAnnotations: report === 'statuses' && options.env.GITHUB_ACTIONS === 'true',
      print: options.print,
    });
    writeSummary(env, plan.summary, options.warn);
    for (const status of [plan.statuses.control, plan.statuses.data])
      options.print(`${status.context}: ${status.state} - ${revealLine(status.description)}`);
    result.commentUrl = published.comment?.htmlUrl ?? null;
    options.print(
      published.comment
        ? `report: ${revealLine(published.comment.htmlUrl)}`
        : `report: no comment (${commentDecision.kind === 'skip' ? commentDecision.reason : 'none'})`,
    );
    for (const note of [...plan.notes, ...published.notes])
      options.warn(`agentgate: note: ${revealLine(note)}`);
    // only a new comment asks: editing one (a typo fix) must not split again
    if (event.kind === 'needs-pull-request' && event.action === 'created' && event.comment) {
      // the gate is already reported: a split that fails is said and exits 2, it never turns the gate to error
      try {
        const notes = await runSplitCommand({
          api,
          cwd: options.cwd,
          pr,
          report: inputs.report,
          comment: event.comment,
        });
        for (const note of notes) options.warn(`agentgate: note: ${revealLine(note)}`);
      } catch (error) {
        options.warn(
          `agentgate: /agentgate split failed: ${revealLine(error instanceof Error ? error.message : String(error))}`,
        );
        result.exitCode = 2;
      }
    }
    return result;
  } catch (error) {
    const checkRuns = (options.report ?? 'statuses') !== 'statuses';
    throw await failClosed(error, { api, pr, data, env, checkRuns, warn: options.warn });
  }
}

/** For `--comment on-failure` once nothing fails: says so, without calling a plane that still waits passed. */
function passedLead(statuses: GatePlan['statuses'], head: string): string {
  const at = `at \`${head.slice(0, 12)}\``;
  const waiting = [statuses.control, statuses.data].some((s) => s.state === 'pending');
  return waiting
    ? `✅ **No plane fails any more** ${at}; one still waits (see below).`
    : `✅ **The gate passed** ${at}: no plane fails any more.`;
}

function readPayload(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `cannot read the event payload ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

interface FailContext {
  api: GitHubApi | null;
  pr: PullRequestRef;
  data: StatusPlan | null;
  env: GitHubEnv;
  /** the gate reports as check runs too (`--report checks|both`): the error must reach them */
  checkRuns: boolean;
  warn: (line: string) => void;
}

/** Sets the control plane to `error` (never success) and returns the one-line error to exit with. */
async function failClosed(error: unknown, context: FailContext): Promise<AgentgateError> {
  // the message may quote the PR (a path, a name): it reaches a terminal, so it is revealed
  const message = revealLine(error instanceof Error ? error.message : String(error));
  const exitCode = error instanceof AgentgateError ? error.exitCode : 2;
  if (!context.api)
    return error instanceof AgentgateError ? new CheckError(message, exitCode) : new UsageError(message);
  const failed = await setErrorStatuses(context.api, context.pr.headSha, message, {
    data: context.data,
    targetUrl: context.env.runUrl,
    checkRuns: context.checkRuns,
  });
  const suffix = failed
    ? `; the error status could not be set either (${failed.message})`
    : '; agentgate/control-plane set to error';
  writeSummary(context.env, `## agentgate\n\n**error:** ${message.replace(/[<>@]/g, ' ')}\n`, context.warn);
  return exitCode === 1
    ? new GateFailure(`${message}${suffix}`)
    : new CheckError(`${message}${suffix}`, exitCode);
}

/** `check` failed before it could judge; the control plane was set to error. */
export class CheckError extends AgentgateError {
  static override readonly code: string = 'AGENTGATE_CHECK_FAILED_CLOSED';
}
