import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { BindingChange, JsonValue, Tool, ToolChange } from './types.js';

export interface GateFileChange {
  path: string;
  before: string | null;
  after: string | null;
}

export interface DigestInput {
  toolChanges: ToolChange[];
  baseTools: Map<string, Tool>;
  headTools: Map<string, Tool>;
  gateFiles: GateFileChange[];
  bindings: BindingChange[];
}

/**
 * The capability digest a sign-off is bound to. It covers only what changed in the control plane, so a
 * prompt-only push leaves it (and the sign-offs on it) alone while any further capability change moves it.
 * Source locations are stripped: moving a manifest does not change what a tool can do.
 */
export function computeDigest(input: DigestInput): string {
  const tools = [...input.toolChanges]
    .sort((a, b) => compareStrings(a.name, b.name))
    .map((change) => ({
      name: change.name,
      before:
        change.change === 'added'
          ? null
          : normalizeForDigest(input.baseTools.get(change.oldName ?? change.name)),
      after: change.change === 'removed' ? null : normalizeForDigest(input.headTools.get(change.name)),
    }));
  const gates = [...input.gateFiles].sort((a, b) => compareStrings(a.path, b.path));
  const bindings = [...input.bindings].sort((a, b) => compareStrings(a.agent, b.agent));
  const payload = canonicalJson({ tools, gates, bindings } as unknown as JsonValue);
  return `sha256:${createHash('sha256').update(payload).digest('hex')}`;
}

export function normalizeForDigest(tool: Tool | undefined): JsonValue {
  if (tool === undefined) return null;
  const { source: _source, ...rest } = tool;
  return JSON.parse(JSON.stringify(rest)) as JsonValue;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
