import type { ChalkInstance } from 'chalk';
import type { ContractDifference } from '../runtime/mcp-contract.js';
import type { TransportDifference } from '../runtime/mcp-transport-drift.js';

/** What `mcp verify` found: transport fields, the tool contract, and a config entry named unlike the manifest. */
export interface Drift {
  transport: TransportDifference[];
  contract: ContractDifference[];
  nameDrift: string[];
  transportCompared: boolean;
}

/** The text of `mcp verify`: "no drift", or one line per difference, transport first. */
export function renderDriftText(manifest: string, toolCount: number, drift: Drift, c: ChalkInstance): string {
  const count = drift.transport.length + drift.contract.length + drift.nameDrift.length;
  const unchecked = drift.transportCompared ? '' : ' (transport not compared: no server was named)';
  if (count === 0) return `${manifest}: ${toolCount} tools, no drift${unchecked}\n`;
  const sign = { added: c.yellow('+'), removed: c.red('-'), changed: c.yellow('~') } as const;
  const lines = [`${c.red.bold('drift')}: the server differs from ${manifest} (${count})${unchecked}`];
  for (const line of drift.nameDrift) lines.push(`  ${sign.changed} ${line}`);
  for (const difference of drift.transport) lines.push(`  ${sign.changed} ${difference.message}`);
  for (const difference of drift.contract) lines.push(`  ${sign[difference.change]} ${difference.message}`);
  return `${lines.join('\n')}\n`;
}
