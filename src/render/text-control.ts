// The control plane's tools and servers in the terminal: capped per section, server-level changes once, long
// texts as line diffs.
import type { ChalkInstance } from 'chalk';
import type { FieldChange, Radius, ServerChange, ToolChange } from '../model/types.js';
import { foldServerTools, sortForDisplay } from './fold-server-tools.js';
import type { FoldedTools } from './fold-server-tools.js';
import { diffTextLines, isLongText } from './line-diff.js';
import { revealLine as t } from './reveal.js';

/** Most items listed per section; the rest are counted ("+N more"), the JSON report has them all. */
export const MAX_ITEMS = 50;
const MAX_NAMES = 8;

const CHANGE_SIGN: Record<ToolChange['change'], string> = {
  added: '+',
  removed: '-',
  modified: '~',
  renamed: '>',
};

export function toolAndServerLines(
  tools: readonly ToolChange[],
  servers: readonly ServerChange[],
  c: ChalkInstance,
): string[] {
  const out: string[] = [];
  const view = foldServerTools(tools, servers);
  if (view.listed.length > 0 || view.folded.length > 0) out.push('', c.bold('  tools'));
  const listed = capped(view.listed);
  for (const tool of listed.shown) {
    out.push(`  ${changeLine(tool, '', c)}`);
    for (const change of tool.changes) out.push(...fieldLines(change, c));
  }
  if (listed.more > 0)
    out.push(c.dim(`  +${listed.more} more tools (agentgate diff --format json lists all)`));
  for (const group of view.folded) out.push(`  ${foldedLine(group, c)}`);
  if (servers.length > 0) out.push('', c.bold('  servers'));
  const shownServers = capped(servers);
  for (const server of shownServers.shown) {
    out.push(`  ${changeLine(server, `  ${c.dim(t(server.source))}`, c)}`);
    for (const change of server.changes) out.push(...fieldLines(change, c));
  }
  if (shownServers.more > 0) out.push(c.dim(`  +${shownServers.more} more servers`));
  return out;
}

function capped<T extends { name: string; escalation: boolean; radiusAfter: Radius | null }>(
  items: readonly T[],
): { shown: T[]; more: number } {
  if (items.length <= MAX_ITEMS) return { shown: [...items], more: 0 };
  return { shown: sortForDisplay(items).slice(0, MAX_ITEMS), more: items.length - MAX_ITEMS };
}

function foldedLine(group: FoldedTools, c: ChalkInstance): string {
  const names = group.names.slice(0, MAX_NAMES).map(t).join(', ');
  const more = group.names.length > MAX_NAMES ? ` and ${group.names.length - MAX_NAMES} more` : '';
  const arrow =
    group.radiusBefore && group.radiusBefore !== group.radiusAfter
      ? `${colourRadius(group.radiusBefore, c)} -> `
      : '';
  const flag = group.escalation ? c.red(' escalation') : '';
  return `~ ${group.names.length} tool(s) of server ${c.bold(t(group.server))}  radius ${arrow}${colourRadius(group.radiusAfter, c)}${flag}  ${c.dim(`(changed by the server's changes below: ${names}${more})`)}`;
}

/** One tool or server: sign, name (and former name), change, radius before -> after, flag. */
export function changeLine(item: ToolChange | ServerChange, suffix: string, c: ChalkInstance): string {
  const rename = item.oldName ? ` (was ${t(item.oldName)})` : '';
  const arrow =
    item.radiusBefore && item.radiusBefore !== item.radiusAfter
      ? `${colourRadius(item.radiusBefore, c)} -> `
      : '';
  const flag = item.escalation ? c.red(' escalation') : item.narrowing ? c.green(' narrowing') : '';
  const radius = colourRadius(item.radiusAfter ?? item.radiusBefore, c);
  return `${CHANGE_SIGN[item.change]} ${c.bold(t(item.name))}${rename}  ${item.change}  radius ${arrow}${radius}${flag}${suffix}`;
}

/** A field change on one line, or, for a long text, its line diff under a heading. */
export function fieldLines(
  change: FieldChange,
  c: ChalkInstance,
  options: { always?: boolean } = {},
): string[] {
  const colour = change.kind === 'widened' ? c.red : change.kind === 'narrowed' ? c.green : c.dim;
  const texts = typeof change.before === 'string' && typeof change.after === 'string';
  if (texts && (options.always === true || isLongText(change.before, change.after))) {
    const diff = diffTextLines(change.before as string, change.after as string);
    const body = diff.lines.map((line) => {
      if (line.kind === 'hunk') return `        ${c.cyan(line.text)}`;
      if (line.kind === 'added') return `        ${c.green(`+${t(line.text)}`)}`;
      if (line.kind === 'removed') return `        ${c.red(`-${t(line.text)}`)}`;
      return `        ${c.dim(` ${t(line.text)}`)}`;
    });
    const more = diff.more > 0 ? [c.dim(`        +${diff.more} more lines`)] : [];
    return [`      ${t(change.field)} ${colour(change.kind)}:`, ...body, ...more];
  }
  const parts: string[] = [];
  if (change.added?.length) parts.push(change.added.map((v) => `+${t(v)}`).join(' '));
  if (change.removed?.length) parts.push(change.removed.map((v) => `-${t(v)}`).join(' '));
  if (change.before !== undefined || change.after !== undefined)
    parts.push(`${show(change.before)} -> ${show(change.after)}`);
  if (change.details?.length) parts.push(t(change.details.join('; ')));
  return [
    `      ${t(change.field)} ${colour(change.kind)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`,
  ];
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  return t(typeof value === 'string' ? value : JSON.stringify(value));
}

export function colourRadius(radius: Radius | null, c: ChalkInstance): string {
  if (radius === null) return c.dim('-');
  const label = radius.toUpperCase();
  switch (radius) {
    case 'privileged':
      return c.bgRed.white.bold(label);
    case 'irreversible':
      return c.red.bold(label);
    case 'write':
      return c.yellow(label);
    case 'read':
      return c.cyan(label);
    default:
      return c.dim(label);
  }
}
