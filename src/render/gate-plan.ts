import type { GatePlan } from '../core/gate/types.js';
import { revealLine } from './reveal.js';
import { revealOwnMarkdown } from './reveal-own.js';

/** `check --dry-run`: every call the run would make, in order, and the comment it would write. */
export function renderPlanText(
  plan: GatePlan,
  reads: string[],
  options: { commentSkipped?: string } = {},
): string {
  const { owner, repo } = plan.repo;
  const base = `/repos/${owner}/${repo}`;
  const n = plan.pr.number;
  const out = [
    `agentgate check --dry-run: ${owner}/${repo}#${n}, head ${plan.pr.headSha.slice(0, 12)}, base ${plan.pr.baseSha.slice(0, 12)}`,
    '',
  ];
  out.push('reads (not made in a dry run):');
  for (const read of reads) out.push(`  ${revealLine(read)}`);
  out.push('', 'writes:');
  if (options.commentSkipped !== undefined) out.push(`  (no comment: ${options.commentSkipped})`);
  else
    out.push(
      plan.comment.existingId === null
        ? `  POST ${base}/issues/${n}/comments`
        : `  PATCH ${base}/issues/comments/${plan.comment.existingId}`,
    );
  if (plan.reviewers) {
    out.push(
      `  POST ${base}/pulls/${n}/requested_reviewers ${revealLine(JSON.stringify({ reviewers: plan.reviewers.reviewers, team_reviewers: plan.reviewers.teamReviewers }))}`,
    );
  } else {
    out.push('  (no reviewer request)');
  }
  for (const status of [plan.statuses.control, plan.statuses.data]) {
    out.push(
      `  POST ${base}/statuses/${plan.pr.headSha} ${revealLine(JSON.stringify({ context: status.context, state: status.state, description: status.description }))}`,
    );
  }
  if (plan.notes.length > 0) out.push('', 'notes:', ...plan.notes.map((note) => `  ${revealLine(note)}`));
  out.push(
    '',
    '--- comment body ---',
    revealOwnMarkdown(plan.comment.body.trimEnd()),
    '--- end of comment body ---',
  );
  return `${out.join('\n')}\n`;
}
