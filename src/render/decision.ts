import type { ChalkInstance } from 'chalk';
import type { Decision } from '../core/intent/evaluate-intent.js';
import { revealUnseen } from '../text/reveal-unseen.js';
import type { DecisionCounts, DecisionReport } from '../runtime/decision-report.js';

/** A decision's stable JSON: decision, tool, reasons [{code, message}], plus optional extras (path, radius). */
export function decisionJson(decision: Decision): string {
  return `${JSON.stringify(decision, null, 2)}\n`;
}

export function renderDecisionText(decision: Decision, c: ChalkInstance): string {
  const colour = decision.decision === 'allow' ? c.green : decision.decision === 'deny' ? c.red : c.yellow;
  const radius = decision.radius ? c.dim(`  radius ${decision.radius}`) : '';
  const lines = [
    `${colour.bold(decision.decision)}  ${decision.tool === '' ? c.dim('(no tool)') : revealUnseen(decision.tool)}${radius}`,
  ];
  for (const reason of decision.reasons)
    lines.push(`  ${colour(reason.code)}  ${revealUnseen(reason.message)}`);
  return `${lines.join('\n')}\n`;
}

export function renderReportText(report: DecisionReport, c: ChalkInstance): string {
  const out: string[] = [];
  const window = `${report.window.since ?? 'start'} .. ${report.window.until ?? 'end'}`;
  out.push(c.bold(`decision log report  ${window}`));
  out.push(
    report.chain.intact
      ? c.green(`chain intact (${report.chain.entries} entries)`)
      : c.red(
          `chain BROKEN: ${report.chain.problem ?? 'unknown problem'}; the counts below are what the log claims`,
        ),
  );
  out.push(`totals  ${counts(report.totals)}`, '', c.bold('by tool'));
  const width = Math.max(4, ...report.tools.map((row) => row.tool.length));
  for (const row of report.tools) {
    out.push(
      `  ${revealUnseen(row.tool).padEnd(width)}  ${c.dim(revealUnseen(row.radius).padEnd(12))}  ${counts(row)}`,
    );
  }
  if (report.tools.length === 0) out.push(c.dim('  (no decisions in the window)'));
  out.push('', c.bold('by radius'));
  for (const row of report.radii) out.push(`  ${revealUnseen(row.radius).padEnd(12)}  ${counts(row)}`);
  if (report.reasons.length > 0) {
    out.push('', c.bold('reasons'));
    for (const reason of report.reasons)
      out.push(`  ${revealUnseen(String(reason.code)).padEnd(26)}  ${reason.count}`);
  }
  return `${out.join('\n')}\n`;
}

function counts(row: DecisionCounts): string {
  return `allow ${row.allow}  deny ${row.deny}  needs-approval ${row['needs-approval']}  total ${row.total}`;
}
