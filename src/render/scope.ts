import type { ChalkInstance } from 'chalk';
import type { ScopeTool, ScopeView } from '../core/history/scope.js';
import { RADII } from '../model/types.js';
import type { Radius } from '../model/types.js';
import { cellCode, codeSpan, escapeMarkdown } from './markdown-escape.js';
import { codeList } from './markdown-rows.js';
import { revealLine } from './reveal.js';
import { renderSourceScopeMarkdown, renderSourceScopeText } from './scope-sources.js';
import { colourRadius, flowLine } from './text.js';

const RADIUS_WIDTH = Math.max(...RADII.map((r) => r.length));
const show = (text: string) => revealLine(text);

/** The terminal view: one heading line per tool, highest radius first, its authority and history below it. */
export function renderScopeText(view: ScopeView, c: ChalkInstance): string {
  const out: string[] = [];
  const ref = show(view.ref.sha ? `${view.ref.ref} (${view.ref.sha.slice(0, 8)})` : view.ref.ref);
  out.push(`${c.bold('agentgate scope')}  ${ref}  ${summary(view)}`, '');
  for (const tool of view.tools) {
    const label = colourRadius(tool.radius, c) + ' '.repeat(RADIUS_WIDTH - tool.radius.length);
    out.push(`${label}  ${c.bold(show(tool.name))}  ${c.dim(`${show(tool.path)}:${tool.line}`)}`);
    out.push(`    ${authority(tool).join(' · ')}`);
    const bound = [`agents ${tool.agents.length > 0 ? tool.agents.map(show).join(', ') : c.dim('none')}`];
    if (tool.flows.length > 0)
      bound.push(
        c.red(`flows ${tool.flows.map((f) => `${f.kind} (${f.role} in ${show(f.agent)})`).join(', ')}`),
      );
    out.push(`    ${bound.join(' · ')}`);
    if (tool.lastChange) {
      const last = tool.lastChange;
      out.push(
        c.dim(
          `    ${last.change} ${last.date.slice(0, 10)} in ${last.sha.slice(0, 8)} by ${show(last.author)}: ${show(last.subject)}`,
        ),
      );
    }
  }
  if (view.tools.length === 0) out.push(c.dim('no tools in the registry'));
  out.push(...renderSourceScopeText(view, c));
  if (view.flows.length > 0) {
    out.push('', c.bold('dangerous paths'));
    for (const flow of view.flows) out.push(`  ${c.red('!')} ${show(flowLine(flow))}`);
  }
  return `${out.join('\n')}\n`;
}

function authority(tool: ScopeTool): string[] {
  const list = (items: string[]) => (items.length > 0 ? items.map(show).join(', ') : '-');
  const parts = [`scopes ${list(tool.scopes)}`];
  if (tool.credentials.length > 0) {
    parts.push(
      `credentials ${tool.credentials.map((cr) => (cr.scopes.length > 0 ? `${show(cr.name)} (${list(cr.scopes)})` : show(cr.name))).join(', ')}`,
    );
  }
  parts.push(`egress ${list(tool.egress)}`);
  if (tool.dataAccess !== 'none') parts.push(`data ${tool.dataAccess}`);
  if (tool.untrustedInput) parts.push('untrusted input');
  parts.push(`approval ${tool.approval}`);
  return parts;
}

function summary(view: ScopeView): string {
  const parts = [...RADII]
    .reverse()
    .filter((radius: Radius) => view.counts[radius] > 0)
    .map((radius) => `${view.counts[radius]} ${radius}`);
  return `${view.tools.length} tool(s)${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** A Markdown table for a job summary or an issue; every repository string is escaped. */
export function renderScopeMarkdown(view: ScopeView): string {
  const ref = view.ref.sha
    ? `${escapeMarkdown(view.ref.ref)} (\`${view.ref.sha.slice(0, 8)}\`)`
    : escapeMarkdown(view.ref.ref);
  const out = [`## agentgate scope: ${ref}`, '', summary(view), ''];
  out.push('| radius | tool | scopes | credentials | egress | approval | agents | flows | last changed |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const cells = (items: string[]) => (items.length > 0 ? items.map(cellCode).join(' ') : '-');
  for (const tool of view.tools) {
    const flows = tool.flows.map((f) => `${f.kind} (${f.role} in ${cellCode(f.agent)})`).join('<br>') || '-';
    const last = tool.lastChange
      ? `${tool.lastChange.date.slice(0, 10)} \`${tool.lastChange.sha.slice(0, 8)}\``
      : '-';
    out.push(
      `| **${tool.radius}** | ${cellCode(tool.name)} | ${cells(tool.scopes)} | ${cells(tool.credentials.map((cr) => cr.name))} | ${cells(tool.egress)} | ${tool.approval} | ${cells(tool.agents)} | ${flows} | ${last} |`,
    );
  }
  out.push(...renderSourceScopeMarkdown(view));
  // a path may run through built-ins and servers alone (no registry tool's row shows it): listed whole here
  if (view.flows.length > 0) {
    out.push('', '### dangerous paths', '');
    for (const flow of view.flows)
      out.push(
        `- ${flow.kind} in ${codeSpan(flow.agent)}: ${codeList(flow.sources)} → ${codeList(flow.sinks)}`,
      );
  }
  return `${out.join('\n')}\n`;
}
