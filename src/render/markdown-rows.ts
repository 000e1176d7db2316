// Rows of the Markdown report's tables: tools, servers, their field changes, capped per table.
import type { FieldChange, Radius, ServerChange, ToolChange } from '../model/types.js';
import { capList } from './cap-list.js';
import { sortForDisplay } from './fold-server-tools.js';
import type { FoldedTools } from './fold-server-tools.js';
import { cellCode, clip, escapeMarkdown } from './markdown-escape.js';
import { isLongTextChange } from './markdown-text-diff.js';
import type { TextChange } from './markdown-text-diff.js';

/** Most rows per table or list; the rest are counted ("+N more"), the JSON report has them all. */
export const MAX_ROWS = 50;

/** Listed items over the cap: the most telling (escalations, highest radius) are kept. */
export function capRows<T extends { name: string; escalation: boolean; radiusAfter: Radius | null }>(
  items: readonly T[],
): { shown: T[]; more: number } {
  return items.length <= MAX_ROWS ? capList(items, MAX_ROWS) : capList(sortForDisplay(items), MAX_ROWS);
}

export function listed(lines: string[], noun: string): string[] {
  const capped = capList(lines, MAX_ROWS);
  return [...capped.shown, ...(capped.more > 0 ? [`- +${capped.more} more ${noun}`] : []), ''];
}

export function foldedRow(group: FoldedTools): string {
  const radius = `${radiusLabel(group.radiusBefore)} → ${radiusLabel(group.radiusAfter)}${group.escalation ? ' ⚠️' : ''}`;
  return `| ${group.names.length} tool(s) of server ${cellCode(group.server)}: ${codeList(group.names, 8)} | modified | ${radius} | through the server (see below) | — |`;
}

export function toolRow(tool: ToolChange, texts: TextChange[]): string {
  const name = tool.oldName ? `${cellCode(tool.name)} (was ${cellCode(tool.oldName)})` : cellCode(tool.name);
  const radius = `${radiusLabel(tool.radiusBefore)} → ${radiusLabel(tool.radiusAfter)}${tool.escalation ? ' ⚠️' : ''}`;
  const summary = (change: FieldChange) => fieldOrText(tool.name, change, texts);
  const widened = tool.changes.filter((c) => c.kind === 'widened').map(summary);
  const other = tool.changes.filter((c) => c.kind !== 'widened').map(summary);
  return `| ${name} | ${tool.change} | ${radius} | ${widened.join('<br>') || '—'} | ${other.join('<br>') || '—'} |`;
}

export function serverRow(server: ServerChange, texts: TextChange[]): string {
  const name = server.oldName
    ? `${cellCode(server.name)} (was ${cellCode(server.oldName)})`
    : cellCode(server.name);
  const radius = `${radiusLabel(server.radiusBefore)} → ${radiusLabel(server.radiusAfter)}${server.escalation ? ' ⚠️' : ''}`;
  const summary = (change: FieldChange) => fieldOrText(server.name, change, texts);
  const widened = server.changes.filter((c) => c.kind === 'widened').map(summary);
  const other = server.changes.filter((c) => c.kind !== 'widened').map(summary);
  return `| ${name}<br>in ${cellCode(server.source)} | ${server.change} | ${radius} | ${widened.join('<br>') || '—'} | ${other.join('<br>') || '—'} |`;
}

export function radiusLabel(radius: Radius | null): string {
  if (radius === null) return '—';
  return radius === 'privileged' || radius === 'irreversible' ? `**${radius}**` : radius;
}

/** A long text goes to the text-changes section as a line diff; its cell only points there. */
function fieldOrText(owner: string, change: FieldChange, texts: TextChange[]): string {
  if (!isLongTextChange(change)) return fieldSummary(change);
  texts.push({ owner, change });
  return `${cellCode(change.field)} (${change.kind}): see the text changes below`;
}

function fieldSummary(change: FieldChange): string {
  const parts: string[] = [];
  if (change.added && change.added.length > 0) parts.push(`+${codeList(change.added)}`);
  if (change.removed && change.removed.length > 0) parts.push(`−${codeList(change.removed)}`);
  if (parts.length === 0 && (change.before !== undefined || change.after !== undefined)) {
    parts.push(`${valueCode(change.before)} → ${valueCode(change.after)}`);
  }
  if (parts.length === 0 && change.details && change.details.length > 0) {
    parts.push(escapeMarkdown(clip(change.details.join('; '), 200)));
  }
  const label = change.kind === 'widened' ? '' : ` (${change.kind})`;
  return `${cellCode(change.field)}${label}${parts.length > 0 ? ` ${parts.join(' ')}` : ''}`;
}

function valueCode(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return cellCode(clip(typeof value === 'string' ? value : JSON.stringify(value), 120));
}

export function codeList(items: string[], max = 20): string {
  if (items.length === 0) return '—';
  const shown = items.slice(0, max).map((item) => cellCode(clip(item, 120)));
  if (items.length > max) shown.push(`and ${items.length - max} more`);
  return shown.join(', ');
}
