import { appendFileSync, readFileSync } from 'node:fs';
import { readGateEvent } from '../../core/gate/event.js';
import { decideGate } from '../../core/gate/plan.js';
import type { GatePlan, PullRequestRef, StatusPlan, StatusState } from '../../core/gate/types.js';
import { GitHubApi } from '../../github/api.js';
import { applyGatePlan, setErrorStatuses } from '../../github/apply-plan.js';
import { createGitHubClient } from '../../github/client.js';
import { readGitHubEnv } from '../../github/env.js';
import type { GitHubEnv } from '../../github/env.js';
import { renderJobSummary, renderReportComment } from '../../render/comment.js';
import { renderPlanText } from '../../render/gate-plan.js';
import { AgentgateError, GateFailure, UsageError } from '../errors.js';
import { gatherGateInputs } from './check-inputs.js';

export interface CheckOptions {
  dryRun: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** overrides GITHUB_EVENT_NAME / GITHUB_EVENT_PATH (local runs) */
  eventName?: string;
  eventPath?: string;
  print: (line: string) => void;
  warn: (line: string) => void;
}

export interface CheckResult {
  dataState: StatusState | null;
  controlState: StatusState | null;
  digest: string | null;
  /** 0 passed or waiting, 1 a gate failed */
  exitCode: number;
}

const NOTHING: CheckResult = { dataState: null, controlState: null, digest: null, exitCode: 0 };

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
        { actionsToken: env.actionsToken },
      );

  let pr: PullRequestRef;
  if (event.kind === 'pull-request') pr = event.pr;
  else if (api) pr = await api.pullRequest(event.number);
  else
    throw new UsageError(
      `--dry-run makes no request, so it cannot read PR #${event.number} behind this ${event.name} event`,
    );
  if (!pr.open) {
    options.print(`agentgate: pull request #${pr.number} is closed: nothing to do`);
    return NOTHING;
  }

  let data: StatusPlan | null = null;
  try {
    const inputs = await gatherGateInputs(options.cwd, pr, api);
    const decision = decideGate({ ...inputs, eventName: event.name, repo: event.repo, pr });
    data = decision.statuses.data;
    const view = {
      report: inputs.report,
      statuses: decision.statuses,
      signoffs: inputs.signoffs,
      signers: inputs.signers,
      prNumber: pr.number,
      runUrl: env.runUrl,
    };
    const comment = renderReportComment(view);
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
    const result: CheckResult = {
      dataState: plan.statuses.data.state,
      controlState: plan.statuses.control.state,
      digest: inputs.report.planes.control.digest,
      exitCode: plan.statuses.data.state === 'failure' || plan.statuses.control.state === 'failure' ? 1 : 0,
    };
    if (!api) {
      options.print(renderPlanText(plan, plannedReads(event.repo, pr, inputs.signers)));
      return result;
    }
    const applied = await applyGatePlan(api, plan);
    writeSummary(env, plan.summary, options.warn);
    for (const status of [plan.statuses.control, plan.statuses.data])
      options.print(`${status.context}: ${status.state} - ${status.description}`);
    options.print(`report: ${applied.comment.htmlUrl}`);
    for (const note of [...plan.notes, ...applied.notes]) options.warn(`agentgate: note: ${note}`);
    return result;
  } catch (error) {
    throw await failClosed(error, { api, pr, data, env, warn: options.warn });
  }
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

function plannedReads(
  repo: { owner: string; repo: string },
  pr: PullRequestRef,
  signers: string[],
): string[] {
  const base = `/repos/${repo.owner}/${repo.repo}`;
  const reads = [
    'GET /user (assumed github-actions[bot])',
    `GET ${base}/pulls/${pr.number}/reviews (assumed none)`,
    `GET ${base}/issues/${pr.number}/comments (assumed none)`,
  ];
  if (signers.some((s) => s.includes('/')))
    reads.push('GET /orgs/{org}/teams/{team}/memberships/{user} for team signers who signed');
  return reads;
}

function writeSummary(env: GitHubEnv, summary: string, warn: (line: string) => void): void {
  if (!env.summaryPath) return;
  try {
    appendFileSync(env.summaryPath, `${summary}\n`);
  } catch (error) {
    warn(
      `agentgate: could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

interface FailContext {
  api: GitHubApi | null;
  pr: PullRequestRef;
  data: StatusPlan | null;
  env: GitHubEnv;
  warn: (line: string) => void;
}

/** Sets the control plane to `error` (never success) and returns the one-line error to exit with. */
async function failClosed(error: unknown, context: FailContext): Promise<AgentgateError> {
  const message = error instanceof Error ? error.message : String(error);
  const exitCode = error instanceof AgentgateError ? error.exitCode : 2;
  if (!context.api) return error instanceof AgentgateError ? error : new UsageError(message);
  const failed = await setErrorStatuses(context.api, context.pr.headSha, message, {
    data: context.data,
    targetUrl: context.env.runUrl,
  });
  const suffix = failed
    ? `; the error status could not be set either (${failed.message})`
    : '; agentgate/control-plane set to error';
  writeSummary(context.env, `## agentgate\n\n**error:** ${message.replace(/[<>@]/g, ' ')}\n`, context.warn);
  return exitCode === 1
    ? new GateFailure(`${message}${suffix}`)
    : new CheckError(`${message}${suffix}`, exitCode);
}

class CheckError extends AgentgateError {}
