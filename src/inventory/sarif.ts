// An inventory as one SARIF run for the repository's code scanning: one result per finding, per dangerous path
// and per capability of radius irreversible or above; rule ids and fingerprints never depend on a line.
import { RADIUS_ORDER } from '../core/radius/radius.js';
import type { Radius } from '../model/types.js';
import { findingItem } from '../render/sarif.js';
import { renderSarifLog } from '../render/sarif-log.js';
import type { SarifItem } from '../render/sarif-log.js';
import { FLOW_RULES, RADIUS_SEVERITY } from '../render/sarif-rules.js';
import type { Inventory } from './types.js';

/** GitHub's limit of results per run. */
export const MAX_SARIF_RESULTS = 25_000;

/** code scanning's category for one repository's inventory */
export function inventoryAutomationId(repository: string): string {
  return `agentgate/inventory/${repository}`;
}

export function renderInventorySarif(inventory: Inventory, options: { version?: string } = {}): string {
  const items = inventoryItems(inventory).slice(0, MAX_SARIF_RESULTS);
  return renderSarifLog(items, {
    automationId: inventoryAutomationId(inventory.repository),
    ...(options.version !== undefined && { version: options.version }),
  });
}

const HIGH = RADIUS_ORDER.irreversible;

/** Findings first, then dangerous paths, then capabilities by radius: what is cut at the limit matters least. */
export function inventoryItems(inventory: Inventory): SarifItem[] {
  const agentFile = new Map(inventory.agents.map((a) => [a.id, a.file]));
  const findings = inventory.findings.map(findingItem);
  const paths = inventory.paths.map((path): SarifItem => {
    const rule = FLOW_RULES[path.kind];
    return {
      rule: { id: `dangerous-path/${path.kind}`, ...rule, short: rule.short.replace(/^New d/, 'D') },
      level: 'error',
      message: `Agent ${path.agent}: ${path.kind} (sources ${path.sources.join(', ')}; sinks ${path.sinks.join(', ')})`,
      path: agentFile.get(path.agent) ?? 'agentgate.yaml',
      line: 1,
      identity: [path.agent, path.kind],
    };
  });
  const capabilities: SarifItem[] = [];
  const capability = (kind: string, name: string, file: string, radius: Radius) => {
    if (RADIUS_ORDER[radius] < HIGH) return;
    capabilities.push({
      rule: {
        id: `capability/${radius}`,
        short: `An agent capability of radius ${radius}`,
        why:
          radius === 'privileged'
            ? 'It can change authority, identity, credentials or admin state: abused, it hands over the keys.'
            : 'Its side effects cannot be rolled back: abused, recovery is incident response.',
        fix: 'Confirm it is needed; narrow its scopes, add `approval: human`, or remove it.',
        severity: RADIUS_SEVERITY[radius],
      },
      level: radius === 'privileged' ? 'warning' : 'note',
      message: `${kind} ${name} has radius ${radius}`,
      path: file,
      line: 1,
      identity: [kind, name, file],
    });
  };
  for (const tool of inventory.tools) capability('tool', tool.name, tool.file, tool.radius);
  for (const server of inventory.servers) capability('server', server.name, server.file, server.radius);
  for (const agent of inventory.agents) capability('agent', agent.id, agent.file, agent.radius);
  for (const rule of inventory.rules)
    capability('rule', `${rule.scope} ${rule.effect} ${rule.rule}`, rule.file, rule.radius);
  capabilities.sort((a, b) => b.rule.severity - a.rule.severity);
  return [...findings, ...paths, ...capabilities];
}
