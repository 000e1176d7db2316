// The line that leads every report: what changed, counted per kind and radius, before any detail.
import { describePreexisting, isNewFinding } from '../core/plane/new-findings.js';
import type { DiffReport, Radius, ToolChange } from '../model/types.js';
import { RADII } from '../model/types.js';

const KINDS: readonly ToolChange['change'][] = ['added', 'modified', 'renamed', 'removed'];

/** "control: 3 added (1 privileged, 2 read), 1 modified, 2 servers, 1 binding; data: 1 prompt modified". */
export function summarizeReport(report: DiffReport): string {
  return [controlSummary(report), dataSummary(report), findingsSummary(report)]
    .filter((part) => part !== '')
    .join('; ');
}

function controlSummary(report: DiffReport): string {
  const control = report.planes.control;
  if (!control.changed) return 'control: no changes';
  const parts: string[] = [];
  for (const kind of KINDS) {
    const tools = control.tools.filter((tool) => tool.change === kind);
    if (tools.length === 0) continue;
    const radii = kind === 'removed' ? '' : byRadius(tools.map((tool) => tool.radiusAfter));
    parts.push(`${tools.length} ${kind}${radii}`);
  }
  const servers = control.servers ?? [];
  if (servers.length > 0) parts.push(plural(servers.length, 'server'));
  if (control.bindings.length > 0) parts.push(plural(control.bindings.length, 'binding'));
  if (control.flows.added.length > 0) parts.push(plural(control.flows.added.length, 'new dangerous path'));
  const unmodelled = control.unmodelled ?? [];
  if (unmodelled.length > 0) parts.push(plural(unmodelled.length, 'unmodelled file'));
  if (parts.length === 0) parts.push(plural(control.files.length, 'file'));
  return `control: ${parts.join(', ')}`;
}

function dataSummary(report: DiffReport): string {
  const data = report.planes.data;
  if (!data.changed) return 'data: no changes';
  const parts: string[] = [];
  for (const kind of KINDS) {
    const count = data.prompts.filter((prompt) => prompt.change === kind).length;
    if (count > 0) parts.push(`${plural(count, 'prompt')} ${kind}`);
  }
  const others = data.files.length - data.prompts.length;
  if (others > 0) parts.push(plural(others, parts.length > 0 ? 'other file' : 'file'));
  if (parts.length === 0) parts.push(plural(data.files.length, 'file'));
  return `data: ${parts.join(', ')}`;
}

function findingsSummary(report: DiffReport): string {
  const fresh = report.findings.filter(isNewFinding);
  const errors = fresh.filter((finding) => finding.severity === 'error').length;
  const parts: string[] = [];
  if (fresh.length > 0)
    parts.push(`${plural(fresh.length, 'new finding')}${errors > 0 ? ` (${plural(errors, 'error')})` : ''}`);
  const old = describePreexisting(report.findings);
  if (old !== null) parts.push(old);
  return parts.join(', ');
}

function byRadius(radii: (Radius | null)[]): string {
  const counts = new Map<Radius, number>();
  for (const radius of radii) if (radius !== null) counts.set(radius, (counts.get(radius) ?? 0) + 1);
  const parts = [...RADII].reverse().flatMap((radius) => {
    const n = counts.get(radius);
    return n === undefined ? [] : [`${n} ${radius}`];
  });
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
