import { messageWithoutLocation } from '../parse/findings.js';
import type { AppliedWaiver, Finding, Registry } from '../model/types.js';
import type { SourceCollection } from '../sources/source-set.js';
import { revealLine } from './reveal.js';

/** The text of `agentgate validate`: one line per finding, one per waiver applied, then the counts. */
export function renderValidateText(
  findings: readonly Finding[],
  applied: readonly AppliedWaiver[],
  registry: Registry,
  sources: SourceCollection,
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
  lines.push(summarize(findings, registry.tools.length, registry.prompts.length, sources));
  return `${lines.join('\n')}\n`;
}

function summarize(
  findings: readonly Finding[],
  tools: number,
  prompts: number,
  sources: SourceCollection,
): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const counts = [plural(tools, 'tool'), plural(prompts - sources.agents.length, 'prompt')];
  // sources are named only when the tree has some: a registry-only repository reads as it always did
  if (sources.paths.length > 0)
    counts.push(
      plural(sources.servers.length, 'server'),
      plural(sources.agents.length, 'agent'),
      plural(sources.permissions.length, 'permission rule'),
    );
  const from = sources.paths.length > 0 ? ` from ${plural(sources.paths.length, 'source file')}` : '';
  const checked = `${counts.join(', ')}${from} checked`;
  if (errors === 0 && warnings === 0) return `ok: ${checked}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}: ${checked}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
