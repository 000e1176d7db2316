import { revealInvisible } from '../../render/markdown-escape.js';
import { splitChange } from '../../release/split.js';

export interface SplitCommandOptions {
  base?: string;
  head?: string;
  branch?: string;
  force?: boolean;
  dryRun?: boolean;
  format: 'text' | 'json';
}

/** Exit 0 when a branch was written (or would be, with --dry-run); 1 when there is nothing to split. */
export async function runSplit(options: SplitCommandOptions, cwd: string): Promise<number> {
  const result = await splitChange({ cwd, ...options });
  const { included, heldBack } = result;
  if (options.format === 'json') {
    const out =
      result.kind === 'split'
        ? { branch: result.branch, sha: result.sha, base: result.base, included, heldBack }
        : { branch: null, sha: null, base: result.base, included, heldBack, reason: result.reason };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return result.kind === 'split' ? 0 : 1;
  }
  const show = (path: string) => revealInvisible(path);
  const lines: string[] = [];
  if (result.kind === 'nothing') lines.push(`nothing to split: ${result.reason}`);
  else if (options.dryRun) lines.push(`would write ${show(result.branch)} off ${result.base.slice(0, 12)}`);
  else
    lines.push(
      `wrote ${show(result.branch)} at ${result.sha.slice(0, 12)} (off ${result.base.slice(0, 12)})`,
    );
  for (const path of included) lines.push(`  ships      ${show(path)}`);
  for (const path of heldBack)
    lines.push(`  held back  ${show(path)} (${result.plan.reasons[path] ?? 'control plane'})`);
  if (result.kind === 'split' && !options.dryRun)
    lines.push('', `push it and open a pull request: git push origin ${show(result.branch)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return result.kind === 'split' ? 0 : 1;
}
