import { messageWithoutLocation } from '../core/parse/findings.js';
import type { AppliedWaiver, Finding } from '../core/types.js';
import { revealLine } from './reveal.js';

/** The text of `agentgate validate`: one line per finding, one per waiver applied, then the count. */
export function renderValidateText(
  findings: readonly Finding[],
  applied: readonly AppliedWaiver[],
  tools: number,
  prompts: number,
): string {
  const lines = findings.map((f) =>
    revealLine(`${f.path}:${f.line}: ${f.severity} ${f.code}: ${messageWithoutLocation(f)}`),
  );
  for (const waiver of applied)
    lines.push(
      revealLine(
        `${waiver.path}: waived ${waiver.code} on ${waiver.tool} until ${waiver.expires} (${waiver.owner}: ${waiver.reason})`,
      ),
    );
  lines.push(summarize(findings, tools, prompts));
  return `${lines.join('\n')}\n`;
}

function summarize(findings: readonly Finding[], tools: number, prompts: number): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const checked = `${plural(tools, 'tool')}, ${plural(prompts, 'prompt')} checked`;
  if (errors === 0 && warnings === 0) return `ok: ${checked}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}: ${checked}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
