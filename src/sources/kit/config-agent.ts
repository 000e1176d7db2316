// An agent written inside a client's JSON, YAML or TOML config (a Kiro agent, a Roo mode, a Codex agent) as the
// shared model's agent: its id, the tools it binds, its prompt text. Its rules stay the adapter's; the agent is
// what lets the runtime's `--agent` and the reach of agents name it.
import type { Finding, Prompt } from '../../model/types.js';
import { SOURCE_CODES, shown } from './findings.js';

/** A binding the adapter could not map: held as every tool, and a finding says so. */
export interface HeldBinding {
  line: number;
  field: string;
  written: unknown;
  why: string;
}

export function configAgent(
  id: string,
  tools: readonly string[],
  where: { path: string; line: number },
  text = '',
): Prompt {
  return { id, tools: [...new Set(tools)], text, meta: {}, source: { path: where.path, line: where.line } };
}

export function heldFinding(path: string, agent: string, held: HeldBinding): Finding {
  const written = typeof held.written === 'string' ? shown(held.written) : describe(held.written);
  return {
    severity: 'warning',
    code: SOURCE_CODES.shape,
    path,
    line: held.line,
    tool: agent,
    subject: 'agent',
    field: held.field,
    message: `${path}:${held.line}: agent ${shown(agent)} ${held.field} ${written} ${held.why}: held as every tool`,
  };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
