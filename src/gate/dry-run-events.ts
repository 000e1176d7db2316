// `check --dry-run` for the events whose pull request must be read from GitHub first (an issue comment) or
// whose sign-offs live on the queued pull request (a merge group). A dry run makes no request: it prints the
// reads it would make and, where the event names both commits (a merge group), judges them locally with no
// sign-off assumed.
import { judgeMergeGroup } from '../core/gate/merge-queue.js';
import type { MergeGroupRef } from '../core/gate/merge-group-event.js';
import type { PullRequestRef, RepoRef } from '../core/gate/types.js';
import { revealLine } from '../render/reveal.js';
import { UsageError } from '../errors.js';
import { gatherGateInputs } from './check-inputs.js';
import { groupStatuses } from './merge-group.js';
import { figuresOf, writeReportFiles } from './check-outputs.js';
import type { CheckOptions, CheckResult } from './check-types.js';

/** The reads a pull request's gate makes, as a dry run prints them. */
export function plannedReads(repo: RepoRef, number: number, signers: readonly string[]): string[] {
  const base = `/repos/${repo.owner}/${repo.repo}`;
  const reads = [
    'GET /user (assumed github-actions[bot])',
    `GET ${base}/pulls/${number}/reviews (assumed none)`,
    `GET ${base}/issues/${number}/comments (assumed none)`,
    `GET ${base}/pulls/${number}/commits (assumed no signer pushed)`,
  ];
  if (signers.some((s) => s.includes('/')))
    reads.push('GET /orgs/{org}/teams/{team}/memberships/{user} for team signers who signed');
  return reads;
}

/** An issue comment names only the PR's number: the run would read the PR first, and a dry run may not. */
export function dryRunCommentEvent(
  event: { name: string; action: string; repo: RepoRef; number: number },
  print: (text: string) => void,
): CheckResult {
  const base = `/repos/${event.repo.owner}/${event.repo.repo}`;
  print(
    [
      `agentgate check --dry-run: ${event.repo.owner}/${event.repo.repo}#${event.number} (${event.name} ${event.action})`,
      '',
      'reads (not made in a dry run):',
      `  GET ${base}/pulls/${event.number} (the event does not name the PR's base and head: the run reads them first)`,
      ...plannedReads(event.repo, event.number, []).map((read) => `  then ${read}`),
      '',
      'writes: those of a pull_request run on that base and head (statuses on the head, reviewers, the comment)',
      `  to see them, run the dry run with a pull_request event naming PR #${event.number}'s base and head`,
    ].join('\n'),
  );
  return result(null, null, null, null);
}

/** A merge group names both commits: diffed and judged here, the queued PR's sign-offs assumed none. */
export async function dryRunMergeGroup(
  options: CheckOptions,
  event: { name: string; repo: RepoRef; group: MergeGroupRef },
): Promise<CheckResult> {
  const { group, repo } = event;
  if (group.prNumber === null)
    throw new UsageError(
      `cannot tell which pull request merge group ${group.headRef} holds (expected gh-readonly-queue/<branch>/pr-<n>-<sha>)`,
    );
  const standIn: PullRequestRef = {
    number: group.prNumber,
    author: '',
    baseSha: group.baseSha,
    headSha: group.headSha,
    baseRef: group.targetBranch ?? '',
    headRef: group.headRef,
    draft: false,
    open: true,
    requestedReviewers: [],
    requestedTeams: [],
  };
  const inputs = await gatherGateInputs(options.cwd, standIn, null);
  const report = inputs.report;
  const judgement = judgeMergeGroup({
    group: report.planes.control,
    pr: report.planes.control,
    prSignoffs: inputs.signoffs,
  });
  const statuses = groupStatuses(report, inputs.config, judgement);
  const files = writeReportFiles(
    options.cwd,
    { reportJson: options.reportJson, sarif: options.sarif },
    { report, statuses, signoffs: judgement.signoffs },
  );
  const base = `/repos/${repo.owner}/${repo.repo}`;
  const n = group.prNumber;
  const out = [
    `agentgate check --dry-run: ${repo.owner}/${repo.repo} merge group ${revealLine(group.headRef)}, head ${group.headSha.slice(0, 12)}, base ${group.baseSha.slice(0, 12)}`,
    '',
    'reads (not made in a dry run):',
    `  GET ${base}/pulls/${n} (the queued PR, whose own report and sign-offs the group is judged against; assumed to be the group's)`,
    ...plannedReads(repo, n, inputs.signers).map((read) => `  ${read}`),
    '',
    'writes:',
    ...[statuses.control, statuses.data].map(
      (s) =>
        `  POST ${base}/statuses/${group.headSha} ${revealLine(JSON.stringify({ context: s.context, state: s.state, description: s.description }))}`,
    ),
    '  (no comment and no reviewer request: a merge group has no PR page)',
  ];
  const notes = [...inputs.notes, ...judgement.signoffs.notes];
  if (notes.length > 0) out.push('', 'notes:', ...notes.map((note) => `  ${revealLine(note)}`));
  options.print(out.join('\n'));
  const failed = statuses.data.state === 'failure' || statuses.control.state === 'failure';
  return {
    ...result(statuses.data.state, statuses.control.state, report.planes.control.digest, null),
    exitCode: failed ? 1 : 0,
    figures: figuresOf(report, judgement.signoffs),
    files,
  };
}

function result(
  dataState: CheckResult['dataState'],
  controlState: CheckResult['controlState'],
  digest: string | null,
  figures: CheckResult['figures'],
): CheckResult {
  return {
    dataState,
    controlState,
    digest,
    exitCode: 0,
    figures,
    commentUrl: null,
    files: { reportJson: null, sarif: null },
  };
}
