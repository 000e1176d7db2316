// `agentgate split` as a use case both the CLI and the Action call: diff, plan (pure), then write the branch with
// git plumbing only.
import { planSplit, splitCommitMessage } from '../core/release/split-plan.js';
import type { SplitPlan } from '../core/release/split-plan.js';
import { commitTree, createBranch, treeEntries, writeBlobs, writeTree } from '../git/plumbing.js';
import type { TreeEdit } from '../git/plumbing.js';
import { computeDiff } from '../load/compute-diff.js';
import type { ComputeDiffWithFiles } from '../load/compute-diff.js';

export interface SplitOptions {
  cwd: string;
  /** default: the merge-base with the default branch */
  base?: string;
  /** default: HEAD */
  head?: string;
  /** default: agentgate/split/<short head sha> */
  branch?: string;
  force?: boolean;
  /** compute the plan, write nothing */
  dryRun?: boolean;
}

export type SplitResult =
  | {
      kind: 'split';
      branch: string;
      sha: string;
      base: string;
      included: string[];
      heldBack: string[];
      plan: SplitPlan;
    }
  | {
      kind: 'nothing';
      reason: string;
      base: string;
      included: string[];
      heldBack: string[];
      plan: SplitPlan;
    };

export async function splitChange(options: SplitOptions): Promise<SplitResult> {
  const { cwd } = options;
  const diff = await computeDiff({
    cwd,
    base: options.base,
    head: options.head ?? 'HEAD',
    skipEval: true,
    keepFiles: true,
  });
  const { report } = diff;
  const baseSha = report.base.sha as string;
  const headSha = report.head.sha as string;
  const plan = planSplitOf(diff);
  const summary = { base: baseSha, included: plan.included, heldBack: plan.heldBack, plan };
  const refusal = splitRefusal(plan);
  if (refusal !== null) return { kind: 'nothing', reason: refusal, ...summary };
  const branch = options.branch ?? `agentgate/split/${headSha.slice(0, 12)}`;
  if (options.dryRun) return { kind: 'split', branch, sha: '', ...summary };

  const fromHead = plan.writes
    .filter((w): w is { path: string; from: 'head' } => 'from' in w)
    .map((w) => w.path);
  const edited = plan.writes.filter((w): w is { path: string; text: string } => 'text' in w);
  const [entries, oids] = await Promise.all([
    treeEntries(cwd, headSha, [...fromHead, ...edited.map((w) => w.path)]),
    writeBlobs(
      cwd,
      edited.map((w) => w.text),
    ),
  ]);
  const edits: TreeEdit[] = [
    ...fromHead.map((path) => ({ path, entry: entryOf(entries, path) })),
    ...edited.map((w, i) => ({
      path: w.path,
      entry: { mode: entries.get(w.path)?.mode ?? '100644', oid: oids[i] as string },
    })),
    ...plan.deletes.map((path) => ({ path, entry: null })),
  ];
  const tree = await writeTree(cwd, baseSha, edits);
  const message = splitCommitMessage(headSha.slice(0, 12), plan);
  const sha = await commitTree(cwd, tree, baseSha, message);
  await createBranch(cwd, branch, sha, options.force ?? false);
  return { kind: 'split', branch, sha, ...summary };
}

/** The split of a computed diff, planned as `agentgate split` plans it: pure, nothing is written. */
export function planSplitOf(diff: Pick<ComputeDiffWithFiles, 'report' | 'parsed'>): SplitPlan {
  const { report, parsed } = diff;
  const texts = new Map(parsed.headFiles.files.map((file) => [file.path, file.text]));
  const baseTexts = new Map(parsed.baseFiles.files.map((file) => [file.path, file.text]));
  return planSplit({
    report,
    changedFiles: parsed.changedFiles,
    basePrompts: parsed.base.registry.prompts,
    headPrompts: parsed.head.registry.prompts,
    headFindings: parsed.head.registry.findings,
    headText: (path) => texts.get(path),
    baseText: (path) => baseTexts.get(path),
    sourceAgents: [...(parsed.base.registry.agents ?? []), ...(parsed.head.registry.agents ?? [])],
  });
}

/** Why a plan makes no split branch, or null when `agentgate split` would write one. */
export function splitRefusal(plan: SplitPlan): string | null {
  if (plan.included.length === 0) return 'the change has no data-plane part that can ship alone';
  if (plan.heldBack.length === 0) return 'the change holds nothing back: it is data plane only already';
  return null;
}

function entryOf(entries: Map<string, { mode: string; oid: string }>, path: string) {
  const entry = entries.get(path);
  if (!entry) throw new Error(`internal: ${path} is missing from the head commit`);
  return entry;
}
