// The two-plane diff as SARIF: what the change grants (escalations, widened fields, new dangerous paths) beside
// the findings it brings, each at its manifest or binding line, so code scanning tracks them across pushes.
import { isNewFinding } from '../core/plane/new-findings.js';
import type {
  DiffReport,
  FieldChange,
  Flow,
  Radius,
  ServerChange,
  SourceRef,
  ToolChange,
} from '../model/types.js';
import { foldServerTools } from './fold-server-tools.js';
import type { FoldedTools } from './fold-server-tools.js';
import { renderSarifLog } from './sarif-log.js';
import type { SarifItem, SarifLevel } from './sarif-log.js';
import { ESCALATION_RULE, FLOW_RULES, RADIUS_SEVERITY, WIDENED_RULE } from './sarif-rules.js';
import { findingItem } from './sarif.js';

export interface DiffSarifOptions {
  version?: string;
  /** include the findings the base already had (they are not the change's) */
  allFindings?: boolean;
  /** where an agent binds one of `tools` (its prompt's `tools:` entry), for the location of a new dangerous path */
  locateAgent?: (agent: string, tools: readonly string[]) => SourceRef | undefined;
  /** where a tool is declared at head */
  locateTool?: (name: string) => SourceRef | undefined;
}

export function renderDiffSarif(report: DiffReport, options: DiffSarifOptions = {}): string {
  const control = report.planes.control;
  const servers = control.servers ?? [];
  // a server-level change is one alert at the server, not one per tool it reaches
  const view = foldServerTools(control.tools, servers);
  const items: SarifItem[] = [
    ...changeItems(view.listed, 'tool'),
    ...view.folded.flatMap((group) => foldedItems(group, servers)),
    ...changeItems(servers, 'server'),
    ...control.flows.added.map((flow) => flowItem(flow, report, options)),
    ...report.findings.filter((f) => options.allFindings === true || isNewFinding(f)).map(findingItem),
  ];
  return renderSarifLog(items, {
    automationId: 'agentgate/diff/',
    ...(options.version !== undefined && { version: options.version }),
  });
}

function changeItems(changes: readonly (ToolChange | ServerChange)[], kind: 'tool' | 'server'): SarifItem[] {
  const items: SarifItem[] = [];
  for (const change of changes) {
    if (change.change === 'removed') continue;
    const radius = change.radiusAfter ?? 'none';
    const where = { path: change.path, line: change.line };
    if (change.escalation) {
      const from =
        change.radiusBefore === null ? `${radius} (new ${kind})` : `${change.radiusBefore} -> ${radius}`;
      items.push({
        rule: {
          id: `escalation/${radius}`,
          ...ESCALATION_RULE,
          short: `Blast radius rises to ${radius}`,
          severity: RADIUS_SEVERITY[radius],
        },
        level: levelOf(radius),
        message: `${kind} ${change.name}: radius ${from}`,
        ...where,
        identity: [kind, change.name, radius],
      });
    }
    for (const field of change.changes.filter((c) => c.kind === 'widened')) {
      items.push({
        rule: {
          id: `widened/${radius}`,
          ...WIDENED_RULE,
          short: `A capability field of a ${radius} ${kind} grants more authority`,
          severity: RADIUS_SEVERITY[radius],
        },
        level: levelOf(radius),
        message: `${kind} ${change.name}: ${field.field} widened${describeField(field)}`,
        ...where,
        identity: [kind, change.name, field.field, ...(field.added ?? [])],
      });
    }
  }
  return items;
}

function foldedItems(group: FoldedTools, servers: readonly ServerChange[]): SarifItem[] {
  const server = servers.find((s) => s.name === group.server);
  if (!group.escalation || !server) return [];
  const radius = group.radiusAfter ?? 'none';
  return [
    {
      rule: {
        id: `escalation/${radius}`,
        ...ESCALATION_RULE,
        short: `Blast radius rises to ${radius}`,
        severity: RADIUS_SEVERITY[radius],
      },
      level: levelOf(radius),
      message: `${group.names.length} tool(s) of server ${group.server}: radius ${group.radiusBefore ?? 'none'} -> ${radius} through the server's changes (${list(group.names)})`,
      path: server.path,
      line: server.line,
      identity: ['server-tools', group.server, radius],
    },
  ];
}

function flowItem(flow: Flow, report: DiffReport, options: DiffSarifOptions): SarifItem {
  const rule = FLOW_RULES[flow.kind];
  return {
    rule: { id: `flow/${flow.kind}`, ...rule },
    // a new path needs sign-off; it does not fail the gate by itself
    level: 'warning',
    message: `${flow.kind} in ${flow.agent}: ${list(flow.sources)} -> ${list(flow.sinks)}`,
    ...locateFlow(flow, report, options),
    identity: [flow.kind, flow.agent, ...flow.sources, '->', ...flow.sinks],
  };
}

/** The agent's binding line; else the manifest of a sink (or source) the change touched; else the config. */
function locateFlow(
  flow: Flow,
  report: DiffReport,
  options: DiffSarifOptions,
): { path: string; line: number } {
  const agent = options.locateAgent?.(flow.agent, [...flow.sinks, ...flow.sources]);
  if (agent) return { path: agent.path, line: agent.line };
  const tools = report.planes.control.tools;
  for (const name of [...flow.sinks, ...flow.sources]) {
    const changed = tools.find((tool) => tool.name === name && tool.change !== 'removed');
    if (changed) return { path: changed.path, line: changed.line };
  }
  for (const name of [...flow.sinks, ...flow.sources]) {
    const declared = options.locateTool?.(name);
    if (declared) return { path: declared.path, line: declared.line };
  }
  const file = report.planes.control.files[0];
  return file ? { path: file.path, line: 1 } : { path: 'agentgate.yaml', line: 1 };
}

function levelOf(radius: Radius): SarifLevel {
  return radius === 'privileged' || radius === 'irreversible' ? 'warning' : 'note';
}

function describeField(field: FieldChange): string {
  const parts: string[] = [];
  if (field.added?.length) parts.push(`+${list(field.added)}`);
  if (field.removed?.length) parts.push(`-${list(field.removed)}`);
  if (parts.length === 0 && field.details?.length) parts.push(list(field.details));
  return parts.length > 0 ? `: ${parts.join(' ')}` : '';
}

function list(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
