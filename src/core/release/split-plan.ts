// Which part of a change may ship on its own: the data plane's texts, few-shot files and version bumps,
// never a control-plane file, a binding, a server or a permission key. Pure: the caller reads git, this decides.
import { setToolsEntry, toolsEntryOf } from './set-prompt-tools.js';
import type { ChangedFile, DiffReport, Finding, Prompt } from '../../model/types.js';

export type SplitWrite = { path: string; from: 'head' } | { path: string; text: string };

export interface SplitPlan {
  /** paths whose head state the split branch takes (written, edited or deleted) */
  included: string[];
  /** changed paths that stay behind for the control plane's gate */
  heldBack: string[];
  writes: SplitWrite[];
  deletes: string[];
  /** why each held-back path stays behind, for the text output */
  reasons: Record<string, string>;
}

export interface SplitInput {
  report: DiffReport;
  /** every changed file of the range: one in no plane is held back too */
  changedFiles: ChangedFile[];
  /** prompts parsed at base and head, each with its source path */
  basePrompts: Prompt[];
  headPrompts: Prompt[];
  /** findings of the head side: a prompt that does not parse has unknown bindings */
  headFindings: Finding[];
  /** the head text of a changed data-plane file */
  headText: (path: string) => string | undefined;
  /** the base text of a file */
  baseText: (path: string) => string | undefined;
  /** agents of client files (both sides): a file whose agent's bindings changed stays behind */
  sourceAgents?: Prompt[];
}

export function planSplit(input: SplitInput): SplitPlan {
  const { report } = input;
  const control = pathsOf(report.planes.control.files);
  // an agent file whose grants changed (bindings, servers, permission keys) carries authority: it stays behind
  const granted = new Set(report.planes.control.bindings.map((binding) => binding.agent));
  for (const agent of input.sourceAgents ?? []) if (granted.has(agent.id)) control.add(agent.source.path);
  for (const rule of report.planes.control.permissions ?? []) control.add(rule.path);
  for (const server of report.planes.control.servers ?? []) control.add(server.path);
  const data = pathsOf(report.planes.data.files);
  const baseByPath = byPath(input.basePrompts);
  const headByPath = byPath(input.headPrompts);
  const unreadable = new Set(input.headFindings.filter((f) => f.severity === 'error').map((f) => f.path));
  const plan: SplitPlan = { included: [], heldBack: [], writes: [], deletes: [], reasons: {} };
  const hold = (path: string, reason: string) => {
    if (plan.reasons[path] !== undefined) return;
    plan.heldBack.push(path);
    plan.reasons[path] = reason;
  };

  const changes: { path: string; op: 'write' | 'delete'; basePath: string }[] = [];
  for (const file of input.changedFiles) {
    if (file.status === 'renamed' && file.oldPath !== undefined) {
      changes.push({ path: file.oldPath, op: 'delete', basePath: file.oldPath });
      changes.push({ path: file.path, op: 'write', basePath: file.oldPath });
    } else
      changes.push({
        path: file.path,
        op: file.status === 'deleted' ? 'delete' : 'write',
        basePath: file.path,
      });
  }

  for (const change of changes) {
    const { path } = change;
    if (control.has(path)) hold(path, 'control plane');
    else if (!data.has(path)) hold(path, 'in no plane');
    else if (change.op === 'delete') {
      const bound = baseByPath.get(path)?.tools;
      if (bound !== undefined && bound.length > 0) hold(path, 'removes an agent’s bindings');
      else plan.deletes.push(path);
    } else if (unreadable.has(path)) hold(path, 'does not parse: its bindings are unknown');
    else planWrite(change, baseByPath.get(change.basePath), headByPath.get(path), input, plan, hold);
  }
  plan.included = [...new Set([...plan.writes.map((w) => w.path), ...plan.deletes])].sort();
  plan.heldBack = [...new Set(plan.heldBack)].filter((path) => !plan.included.includes(path)).sort();
  return plan;
}

function planWrite(
  change: { path: string; basePath: string },
  base: Prompt | undefined,
  head: Prompt | undefined,
  input: SplitInput,
  plan: SplitPlan,
  hold: (path: string, reason: string) => void,
): void {
  const { path } = change;
  if (head === undefined || sameBindings(base?.tools, head.tools)) {
    // a data file (few-shot .jsonl, .txt), or a prompt whose bindings did not move: text only
    plan.writes.push({ path, from: 'head' });
    return;
  }
  const text = input.headText(path);
  if (text === undefined) return hold(path, 'head text unavailable');
  const kind = /\.md$/i.test(path) ? 'markdown' : 'yaml';
  const baseText = base === undefined ? undefined : input.baseText(change.basePath);
  const entry = baseText === undefined ? { ok: true as const, entry: '' } : toolsEntryOf(baseText, kind);
  if (!entry.ok) return hold(path, `bindings changed and the base ${entry.reason}`);
  const edited = setToolsEntry(text, kind, entry.entry);
  if (!edited.ok) return hold(path, `bindings changed and ${edited.reason}`);
  plan.writes.push({ path, text: edited.text });
}

function sameBindings(a: string[] | undefined, b: string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((name) => right.has(name));
}

function pathsOf(files: DiffReport['planes']['data']['files']): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    out.add(file.path);
    if (file.oldPath !== undefined) out.add(file.oldPath);
  }
  return out;
}

function byPath(prompts: Prompt[]): Map<string, Prompt> {
  return new Map(prompts.map((prompt) => [prompt.source.path, prompt]));
}

/** The split commit's message, locally or on GitHub: what shipped and what stayed behind. */
export function splitCommitMessage(of: string, plan: SplitPlan): string {
  return [
    `agentgate split: the data-plane part of ${of}`,
    '',
    'Prompt texts, few-shot files and version bumps only; bindings, tools, servers and permission keys stay',
    'behind for the control plane’s gate.',
    '',
    ...plan.included.map((path) => `  shipped: ${path}`),
    ...plan.heldBack.map((path) => `  held back: ${path}`),
    '',
  ].join('\n');
}
