import type { ChalkInstance } from 'chalk';
import type { ContractDifference } from '../runtime/mcp-contract.js';

/** The text of `agentgate mcp verify`: no drift in one line, else one line per difference. */
export function renderDriftText(
  manifest: string,
  toolCount: number,
  differences: readonly ContractDifference[],
  c: ChalkInstance,
): string {
  if (differences.length === 0) return `${manifest}: ${toolCount} tools, no drift\n`;
  const sign = { added: c.yellow('+'), removed: c.red('-'), changed: c.yellow('~') } as const;
  const lines = [
    `${c.red.bold('drift')}: the live server differs from ${manifest} (${differences.length})`,
    ...differences.map((difference) => `  ${sign[difference.change]} ${difference.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
