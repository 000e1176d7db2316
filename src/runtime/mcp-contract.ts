import { canonicalJson } from '../model/canonical-json.js';
import type { JsonValue } from '../model/types.js';

/** The part of an MCP tool that is its contract with the model: what it is called, says, takes and claims. */
export interface ContractTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: JsonValue;
  outputSchema?: JsonValue;
  annotations?: { [key: string]: JsonValue };
}

export type ContractField = 'title' | 'description' | 'inputSchema' | 'outputSchema' | 'annotations';
export const CONTRACT_FIELDS: readonly ContractField[] = [
  'title',
  'description',
  'inputSchema',
  'outputSchema',
  'annotations',
];

export interface ContractDifference {
  tool: string;
  change: 'added' | 'removed' | 'changed';
  /** for `changed`: the field, with a sub-path for schemas and annotations (`inputSchema/properties/path/type`) */
  field?: string;
  before?: JsonValue;
  after?: JsonValue;
  message: string;
}

const MAX_PATHS_PER_FIELD = 12;

/** Picks the contract fields of a tools/list entry (or a manifest entry), dropping everything else. */
export function contractOf(tool: { name: string } & Record<string, unknown>): ContractTool {
  const out: ContractTool = { name: tool.name };
  if (typeof tool.title === 'string') out.title = tool.title;
  if (typeof tool.description === 'string') out.description = tool.description;
  // a JSON round trip: SDK objects and YAML nodes become plain JSON, comparable by canonical text
  const plain = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;
  if (tool.inputSchema != null) out.inputSchema = plain(tool.inputSchema);
  if (tool.outputSchema != null) out.outputSchema = plain(tool.outputSchema);
  if (tool.annotations != null) out.annotations = plain(tool.annotations) as { [key: string]: JsonValue };
  return out;
}

/**
 * Every way the live server differs from the pinned manifest: tools added or removed, and for each shared tool
 * each contract field compared as canonical JSON (key order and YAML-vs-JSON spelling do not count).
 * Ordered by tool name, then field, so the output is stable.
 */
export function compareContracts(
  pinned: readonly ContractTool[],
  live: readonly ContractTool[],
): ContractDifference[] {
  const before = new Map(pinned.map((tool) => [tool.name, tool]));
  const after = new Map(live.map((tool) => [tool.name, tool]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  const differences: ContractDifference[] = [];
  for (const name of names) {
    const old = before.get(name);
    const now = after.get(name);
    if (!old)
      differences.push({ tool: name, change: 'added', message: `${name}: new tool on the live server` });
    else if (!now)
      differences.push({ tool: name, change: 'removed', message: `${name}: no longer on the live server` });
    else
      for (const field of CONTRACT_FIELDS)
        differences.push(...compareField(name, field, old[field], now[field]));
  }
  return differences;
}

function compareField(
  tool: string,
  field: ContractField,
  old: JsonValue | undefined,
  now: JsonValue | undefined,
): ContractDifference[] {
  if (canonicalJson(old) === canonicalJson(now)) return [];
  if (field === 'title' || field === 'description' || old === undefined || now === undefined) {
    return [changed(tool, field, old, now)];
  }
  const paths = diffPaths(old, now, []);
  const shown = paths
    .slice(0, MAX_PATHS_PER_FIELD)
    .map((path) => changed(tool, field + pointer(path), valueAt(old, path), valueAt(now, path)));
  if (paths.length > MAX_PATHS_PER_FIELD) {
    const message = `${tool}.${field}: and ${paths.length - MAX_PATHS_PER_FIELD} more differences`;
    shown.push({ tool, change: 'changed', field, message });
  }
  return shown;
}

function changed(
  tool: string,
  field: string,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): ContractDifference {
  const difference: ContractDifference = {
    tool,
    change: 'changed',
    field,
    message: `${tool}.${field}: ${show(before)} -> ${show(after)}`,
  };
  if (before !== undefined) difference.before = before;
  if (after !== undefined) difference.after = after;
  return difference;
}

function show(value: JsonValue | undefined): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The paths (as segment lists) where two JSON values differ, walking objects and arrays in a fixed order. */
function diffPaths(a: JsonValue | undefined, b: JsonValue | undefined, path: string[]): string[][] {
  if (canonicalJson(a) === canonicalJson(b)) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    const length = Math.max(a.length, b.length);
    return Array.from({ length }, (_, i) => String(i)).flatMap((key) =>
      diffPaths(child(a, key), child(b, key), [...path, key]),
    );
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => diffPaths(child(a, key), child(b, key), [...path, key]));
  }
  return [path];
}

function pointer(path: string[]): string {
  return path.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function valueAt(root: JsonValue, path: string[]): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const segment of path) value = child(value, segment);
  return value;
}

function child(value: JsonValue | undefined, key: string): JsonValue | undefined {
  if (Array.isArray(value)) return value[Number(key)];
  if (isObject(value)) return Object.hasOwn(value, key) ? value[key] : undefined;
  return undefined;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
