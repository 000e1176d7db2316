import type { SplitResult } from '../release/split.js';
import { revealInvisible } from './markdown-escape.js';

/** The JSON of `agentgate split --format json`: branch and sha are null when nothing was split. */
export function splitJson(result: SplitResult): string {
  const { included, heldBack } = result;
  const out =
    result.kind === 'split'
      ? { branch: result.branch, sha: result.sha, base: result.base, included, heldBack }
      : { branch: null, sha: null, base: result.base, included, heldBack, reason: result.reason };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The text of `agentgate split`: what was (or would be) written, then each path shipped or held back. */
export function renderSplitText(result: SplitResult, dryRun: boolean): string {
  const show = (path: string) => revealInvisible(path);
  const lines: string[] = [];
  if (result.kind === 'nothing') lines.push(`nothing to split: ${result.reason}`);
  else if (dryRun) lines.push(`would write ${show(result.branch)} off ${result.base.slice(0, 12)}`);
  else
    lines.push(
      `wrote ${show(result.branch)} at ${result.sha.slice(0, 12)} (off ${result.base.slice(0, 12)})`,
    );
  for (const path of result.included) lines.push(`  ships      ${show(path)}`);
  for (const path of result.heldBack)
    lines.push(`  held back  ${show(path)} (${result.plan.reasons[path] ?? 'control plane'})`);
  if (result.kind === 'split' && !dryRun)
    lines.push('', `push it and open a pull request: git push origin ${show(result.branch)}`);
  return `${lines.join('\n')}\n`;
}
