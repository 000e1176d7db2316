import type { ChalkInstance } from 'chalk';
import type { AuditedTool, AuditReport } from '../core/history/audit.js';
import { revealInvisible } from './markdown-escape.js';
import { colourRadius } from './text.js';

const LABEL: Record<AuditedTool['verdict'], string> = {
  signed: 'signed',
  'not-required': 'no sign-off needed',
  unsigned: 'UNSIGNED',
  'no-pull-request': 'NO PULL REQUEST',
  unknown: 'UNKNOWN',
};

export function renderAuditText(report: AuditReport, c: ChalkInstance): string {
  const show = (text: string) => revealInvisible(text);
  const ref = report.ref.sha ? `${report.ref.ref} (${report.ref.sha.slice(0, 8)})` : report.ref.ref;
  const out = [`${c.bold('agentgate audit')}  ${show(report.repo)}  ${ref}`, ''];
  for (const tool of report.tools) {
    const failing =
      tool.verdict === 'unsigned' || tool.verdict === 'no-pull-request' || tool.verdict === 'unknown';
    const label = failing ? c.red.bold(LABEL[tool.verdict]) : c.green(LABEL[tool.verdict]);
    const change = tool.change
      ? `${tool.change.change} in ${tool.change.sha.slice(0, 8)} (${tool.change.date.slice(0, 10)}, ${show(tool.change.author)})`
      : '';
    const via = tool.pull ? ` via #${tool.pull.number} by ${show(tool.pull.author)}` : '';
    out.push(`${label}  ${c.bold(show(tool.name))}  ${colourRadius(tool.radius, c)}  ${change}${via}`);
    if (tool.counted.length > 0)
      out.push(
        c.dim(
          `    signed by ${tool.counted.map((s) => `${show(s.user)} (${s.via}${s.team ? `, ${show(s.team)}` : ''})`).join(', ')}`,
        ),
      );
    if (tool.digestSource === 'merge-commit')
      out.push(c.dim('    digest from the merge commit: the pull request head is not in this clone'));
    for (const reason of tool.reasons) out.push(`    ${show(reason)}`);
  }
  out.push(
    '',
    report.failing > 0
      ? c.red(
          `${report.failing} of ${report.tools.length} tool(s) reached ${show(report.ref.ref)} without the sign-off their change needed`,
        )
      : c.green(`all ${report.tools.length} tool(s) carry the sign-off their last change needed`),
  );
  return `${out.join('\n')}\n`;
}
