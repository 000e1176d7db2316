// `/agentgate split` in a PR comment: the data-only branch is built ON GitHub through the git data API (no push
// from the runner), the data-only PR opened, and the original PR told. The plan is the same pure `planSplit`
// the CLI's `split` uses, so both ship exactly the same paths.
import { isSplitCommand, splitCommandLine } from '../core/gate/split-hint.js';
import type { PullRequestRef } from '../core/gate/types.js';
import { splitCommitMessage } from '../core/release/split-plan.js';
import type { SplitPlan } from '../core/release/split-plan.js';
import type { DiffReport } from '../model/types.js';
import { treeEntries } from '../git/plumbing.js';
import { treeOf } from '../git/tree-of.js';
import type { GitHubApi } from '../github/api.js';
import { GitHubError } from '../github/errors.js';
import {
  collaboratorPermission,
  createBranchRef,
  createCommit,
  createTree,
  openPullRequest,
} from '../github/git-data.js';
import type { RemoteTreeEntry } from '../github/git-data.js';
import { splitChange } from '../release/split.js';

const MAY_SPLIT = new Set(['admin', 'maintain', 'write']);

export interface SplitCommandInput {
  api: GitHubApi;
  cwd: string;
  pr: PullRequestRef;
  /** the PR's own diff: its base is the fork point the split branch starts from */
  report: DiffReport;
  comment: { user: string; body: string };
}

/** Does the split when the comment asks for it and its author may; returns notes for the log. */
export async function runSplitCommand(input: SplitCommandInput): Promise<string[]> {
  const { api, pr, comment } = input;
  if (!isSplitCommand(comment.body)) return [];
  const permission = await collaboratorPermission(api, comment.user);
  if (!MAY_SPLIT.has(permission))
    return [
      `/agentgate split by ${comment.user} ignored: it needs write access (${comment.user} has ${permission})`,
    ];
  const base = input.report.base.sha as string;
  const local = splitCommandLine(base, pr.headSha);
  const result = await splitChange({ cwd: input.cwd, base, head: pr.headSha, dryRun: true });
  if (result.kind === 'nothing') {
    await api.createComment(pr.number, `**agentgate split:** nothing to split: ${result.reason}.`);
    return [`/agentgate split: ${result.reason}`];
  }
  try {
    const entries = await remoteEntries(input.cwd, pr.headSha, result.plan);
    const tree = await createTree(api, await treeOf(input.cwd, base), entries);
    const sha = await createCommit(
      api,
      splitCommitMessage(`#${pr.number} (${pr.headSha.slice(0, 12)})`, result.plan),
      tree,
      [base],
    );
    await createBranchRef(api, result.branch, sha);
    const opened = await openPullRequest(api, {
      title: `Data-plane part of #${pr.number}`,
      head: result.branch,
      base: pr.baseRef,
      body: pullBody(pr, result.plan),
    });
    await api.createComment(
      pr.number,
      [
        `**agentgate split:** opened #${opened.number} with the data-plane part of this pull request (branch \`${result.branch}\`), requested by \`${comment.user}\`.`,
        `It ships ${result.plan.included.length} file(s); ${result.plan.heldBack.length} stay here for the control plane's sign-off.`,
      ].join(' '),
    );
    return [`/agentgate split: opened #${opened.number} from ${result.branch}`];
  } catch (error) {
    if (!(error instanceof GitHubError) || (error.status !== 403 && error.status !== 422)) throw error;
    const why =
      error.status === 403
        ? "the workflow's token may not push (it needs contents: write and pull-requests: write)"
        : `GitHub refused the branch or the pull request (${error.message})`;
    await api.createComment(
      pr.number,
      `**agentgate split:** could not split here: ${why}. Run \`${local}\` in a clone and push the branch it prints.`,
    );
    return [`/agentgate split failed: ${error.message}`];
  }
}

/** Head blobs by sha, edited prompt texts as content, deletions as a null sha. */
async function remoteEntries(cwd: string, head: string, plan: SplitPlan): Promise<RemoteTreeEntry[]> {
  const paths = plan.writes.map((w) => w.path);
  const entries = await treeEntries(cwd, head, paths);
  const out: RemoteTreeEntry[] = [];
  for (const write of plan.writes) {
    const entry = entries.get(write.path);
    const mode = entry?.mode ?? '100644';
    if ('text' in write) out.push({ path: write.path, mode, content: write.text });
    else {
      if (!entry) throw new Error(`internal: ${write.path} is missing from the head commit`);
      out.push({ path: write.path, mode, sha: entry.oid });
    }
  }
  for (const path of plan.deletes) out.push({ path, mode: '100644', sha: null });
  return out;
}

function pullBody(pr: PullRequestRef, plan: SplitPlan): string {
  const list = (paths: string[]) => paths.map((p) => `- \`${p.replace(/`/g, "'")}\``).join('\n') || '- none';
  return [
    `The data-plane part of #${pr.number}, split by agentgate so that it can ship without waiting for the control plane's sign-off.`,
    '',
    '**Shipped here**',
    list(plan.included),
    '',
    `**Held back in #${pr.number}**`,
    list(plan.heldBack),
  ].join('\n');
}
