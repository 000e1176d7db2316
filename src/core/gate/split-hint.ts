// A mixed PR whose control plane waits holds its prompt fix hostage to a security review: the comment
// says how to ship the data-plane part alone, and only when `agentgate split` would write that branch (the
// same plan decides both, so the comment never suggests a split that then refuses).
import { standingLines } from './standing-lines.js';
import { REPORT_MARKER } from './types.js';
import type { GateStatuses } from './types.js';
import type { DiffReport } from '../../model/types.js';

const SPLIT_COMMAND = /^ {0,3}\/agentgate[ \t]+split[ \t]*$/;

export function splitCommandLine(base: string, head: string): string {
  return `agentgate split --base ${base} --head ${head}`;
}

/**
 * The comment line for a mixed PR whose control plane waits for sign-off and whose split plan ships something
 * and holds something back, else null.
 */
export function splitHint(
  report: DiffReport,
  statuses: GateStatuses,
  plan: { included: readonly string[]; heldBack: readonly string[] },
): string | null {
  const { data, control } = report.planes;
  if (!data.changed || !control.changed || statuses.control.state !== 'pending') return null;
  if (plan.included.length === 0 || plan.heldBack.length === 0) return null;
  if (statuses.data.state === 'failure' || statuses.data.state === 'error') return null;
  if (!report.base.sha || !report.head.sha) return null;
  return [
    '**Ship the prompt change now.** This PR changes both planes and its control plane waits for sign-off. The',
    'data-plane part can go ahead on its own branch: run',
    `\`${splitCommandLine(report.base.sha, report.head.sha)}\` in a clone, or comment \`/agentgate split\``,
    '(a line of its own; anyone with write access) to have agentgate open a data-only pull request.',
  ].join(' ');
}

/** Whether a comment asks for a split: `/agentgate split` as a line of its own, never quoted or in code. */
export function isSplitCommand(body: string): boolean {
  if (body.includes(REPORT_MARKER)) return false;
  return standingLines(body).some((line) => SPLIT_COMMAND.test(line));
}
