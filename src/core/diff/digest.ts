import { createHash } from 'node:crypto';
import { writeCanonicalJson } from '../../model/canonical-json.js';
import type { ServerPair } from './diff-servers.js';
import { TOOL_FIELDS } from './fields/tool-fields.js';
import type {
  BindingChange,
  JsonValue,
  PermissionChange,
  Server,
  Tool,
  ToolChange,
} from '../../model/types.js';

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
  /** changed servers with both sides */
  servers?: ServerPair[];
  /** changed control-plane files no parser modelled, by blob id like gate files */
  unmodelled?: GateFileChange[];
  /** permission rules and gated settings that appeared or went */
  permissions?: PermissionChange[];
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
  // Servers and unmodelled files join the payload only when present, so digests of other changes stay put.
  const servers = (input.servers ?? []).map((pair) => ({
    name: pair.change.name,
    before: normalizeServerForDigest(pair.before),
    after: normalizeServerForDigest(pair.after),
  }));
  const unmodelled = [...(input.unmodelled ?? [])].sort((a, b) => compareStrings(a.path, b.path));
  // a rule is what it says where it says it; its line is not part of it
  const permissions = (input.permissions ?? []).map((rule) => ({
    scope: rule.scope,
    effect: rule.effect,
    rule: rule.rule,
    change: rule.change,
    path: rule.path,
  }));
  const payload = {
    tools,
    gates,
    bindings,
    ...(servers.length > 0 && { servers }),
    ...(unmodelled.length > 0 && { unmodelled }),
    ...(permissions.length > 0 && { permissions }),
  };
  // hashed in pieces, one tool at a time: the same bytes as hashing canonicalJson(payload) whole
  const hash = createHash('sha256');
  writeCanonicalJson(payload, (text) => hash.update(text), 3);
  return `sha256:${hash.digest('hex')}`;
}

/** A tool as the digest sees it: every field but those TOOL_FIELDS leaves out (its source location). */
export function normalizeForDigest(tool: Tool | undefined): JsonValue {
  if (tool === undefined) return null;
  const rest: Record<string, unknown> = { ...tool };
  for (const key of NOT_IN_DIGEST) delete rest[key];
  return JSON.parse(JSON.stringify(rest)) as JsonValue;
}

const NOT_IN_DIGEST = TOOL_FIELDS.filter((field) => !field.inDigest).map((field) => field.key);

/**
 * A server without its location. A client-config entry keeps its file: which client reads it is part of
 * what it is (the same entry in `.vscode/mcp.json` and `.cursor/mcp.json` reaches different agents).
 */
export function normalizeServerForDigest(server: Server | undefined): JsonValue {
  if (server === undefined) return null;
  const { source, ...rest } = server;
  const data = server.origin === 'manifest' ? rest : { ...rest, file: source.path };
  return JSON.parse(JSON.stringify(data)) as JsonValue;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
