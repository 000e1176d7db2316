import { describeAddedTool } from './fields/added-tool-fields.js';
import { canonicalJson, jsonEqual } from '../../model/canonical-json.js';
import { normalizeHost } from '../radius/hosts.js';
import { classifyBlastRadius, compareRadius } from '../radius/radius.js';
import type { BlastRadiusOf } from '../radius/radius.js';
import { compareToolFields } from './fields/tool-field-changes.js';
import type { Credential, JsonValue, Radius, Tool, ToolChange, ToolPolicy } from '../../model/types.js';

export interface DiffToolsOptions {
  /** config `radius.actions`: overrides of the action floor table */
  actions?: Record<string, Radius>;
  /** the diff's one memo of classifyBlastRadius under `actions` */
  blastRadius?: BlastRadiusOf;
}

// One object across calls: the action-floor caches are keyed by it.
const NO_ACTIONS: Readonly<Record<string, Radius>> = Object.freeze({});

const sortedUnique = (list: readonly string[]): string[] => [...new Set(list)].sort();

/**
 * The tool as capability data: no `source` (a moved file changes nothing) and every set in one order, so
 * equal capabilities give equal keys even if a loader forgot to sort.
 */
function capability(tool: Tool): Record<string, unknown> {
  return {
    ...tool,
    source: undefined,
    scopes: sortedUnique(tool.scopes),
    egress: sortedUnique(tool.egress.map(normalizeHost)),
    credentials: [...tool.credentials]
      .map((credential) => ({ name: credential.name, scopes: sortedUnique(credential.scopes) }))
      .sort((a, b) => compare(a.name, b.name)),
    policy: tool.policy && {
      ...tool.policy,
      protectedTargets: tool.policy.protectedTargets && sortedUnique(tool.policy.protectedTargets),
    },
  };
}

const contentKey = (tool: Tool): string => canonicalJson({ ...capability(tool), name: undefined });
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byName(tools: readonly Tool[]): Map<string, Tool> {
  const map = new Map<string, Tool>();
  // Duplicate names are the loader's finding; the first one wins here so the result stays deterministic.
  for (const tool of tools) if (!map.has(tool.name)) map.set(tool.name, tool);
  return map;
}

/**
 * Equality of two tools as `capability` sees them, without serialising either: most tools of a large
 * registry are unchanged, and this is the check every one of them goes through.
 */
function sameCapability(a: Tool, b: Tool): boolean {
  if (a === b) return true;
  let count = 0;
  for (const key of Object.keys(a) as (keyof Tool)[]) {
    if (key === 'source' || a[key] === undefined) continue;
    if (!sameField(key, a, b)) return false;
    count++;
  }
  for (const key of Object.keys(b) as (keyof Tool)[]) if (key !== 'source' && b[key] !== undefined) count--;
  return count === 0;
}

function sameField(key: keyof Tool, a: Tool, b: Tool): boolean {
  switch (key) {
    case 'scopes':
      return sameSet(a.scopes, b.scopes);
    case 'egress':
      return sameSet(a.egress, b.egress) || sameSet(a.egress.map(normalizeHost), b.egress.map(normalizeHost));
    case 'credentials':
      return sameCredentials(a.credentials, b.credentials);
    case 'policy':
      return samePolicy(a.policy, b.policy);
    default:
      return jsonEqual(a[key] as JsonValue | undefined, b[key] as JsonValue | undefined);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === b.length && a.every((item, index) => item === b[index])) return true;
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}

function sameCredentials(a: readonly Credential[], b: readonly Credential[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(b.map((credential) => [credential.name, credential]));
  return a.every((credential) => {
    const other = byName.get(credential.name);
    return other !== undefined && sameSet(credential.scopes, other.scopes);
  });
}

function samePolicy(a: ToolPolicy | undefined, b: ToolPolicy | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const { protectedTargets: left, ...restA } = a;
  const { protectedTargets: right, ...restB } = b;
  if ((left === undefined) !== (right === undefined)) return false;
  return sameSet(left ?? [], right ?? []) && jsonEqual(restA as JsonValue, restB as JsonValue);
}

/** What changed between two registries, tool by tool; unchanged tools are not listed. */
export function diffToolRegistry(
  base: readonly Tool[],
  head: readonly Tool[],
  options: DiffToolsOptions = {},
): ToolChange[] {
  const actions = options.actions ?? NO_ACTIONS;
  const blastRadius = options.blastRadius ?? ((tool: Tool) => classifyBlastRadius(tool, actions));
  const radiusOf = (tool: Tool): Radius => blastRadius(tool).radius;
  const baseByName = byName(base);
  const headByName = byName(head);
  const changes: ToolChange[] = [];
  const headOnly: Tool[] = [];

  for (const [name, after] of headByName) {
    const before = baseByName.get(name);
    if (!before) headOnly.push(after);
    else if (!sameCapability(before, after)) changes.push(modified(before, after, radiusOf));
  }

  // Same content under a new name is a rename; candidates are paired in name order, each at most once.
  const baseOnlyByContent = new Map<string, Tool[]>();
  const baseOnly = [...baseByName.values()].filter((tool) => !headByName.has(tool.name));
  for (const tool of baseOnly.sort((a, b) => compare(a.name, b.name))) {
    const key = contentKey(tool);
    const list = baseOnlyByContent.get(key);
    if (list) list.push(tool);
    else baseOnlyByContent.set(key, [tool]);
  }
  const renamedFrom = new Set<string>();
  for (const after of headOnly.sort((a, b) => compare(a.name, b.name))) {
    const before = baseOnlyByContent.get(contentKey(after))?.shift();
    if (before) {
      renamedFrom.add(before.name);
      changes.push(renamed(before, after, radiusOf));
    } else {
      changes.push(added(after, radiusOf));
    }
  }
  for (const before of baseOnly) if (!renamedFrom.has(before.name)) changes.push(removed(before, radiusOf));

  return changes.sort((a, b) => compare(a.name, b.name));
}

type RadiusOf = (tool: Tool) => Radius;

function added(after: Tool, radiusOf: RadiusOf): ToolChange {
  const radiusAfter = radiusOf(after);
  return {
    name: after.name,
    change: 'added',
    radiusBefore: null,
    radiusAfter,
    escalation: compareRadius(radiusAfter, 'none') > 0,
    narrowing: false,
    changes: describeAddedTool(after),
    path: after.source.path,
    line: after.source.line,
  };
}

function removed(before: Tool, radiusOf: RadiusOf): ToolChange {
  return {
    name: before.name,
    change: 'removed',
    radiusBefore: radiusOf(before),
    radiusAfter: null,
    escalation: false,
    narrowing: true,
    changes: [],
    path: before.source.path,
    line: before.source.line,
  };
}

function renamed(before: Tool, after: Tool, radiusOf: RadiusOf): ToolChange {
  const radiusBefore = radiusOf(before);
  const radiusAfter = radiusOf(after);
  const order = compareRadius(radiusAfter, radiusBefore);
  // The name is capability too: its leading verb is a radius floor (`list_users` -> `delete_users`). A milder
  // name is a claim, never a narrowing: `delete_users` -> `list_users` keeps what the tool can do.
  const kind = order > 0 ? 'widened' : 'changed';
  return {
    name: after.name,
    change: 'renamed',
    oldName: before.name,
    radiusBefore,
    radiusAfter,
    escalation: order > 0,
    narrowing: false,
    changes: [{ field: 'name', kind, before: before.name, after: after.name }],
    path: after.source.path,
    line: after.source.line,
  };
}

function modified(before: Tool, after: Tool, radiusOf: RadiusOf): ToolChange {
  const radiusBefore = radiusOf(before);
  const radiusAfter = radiusOf(after);
  const changes = compareToolFields(before, after);
  // Only when EVERY field change narrows: a `changed` or `widened` never rides along with a revocation.
  const narrowing = changes.length > 0 && changes.every((change) => change.kind === 'narrowed');
  return {
    name: after.name,
    change: 'modified',
    radiusBefore,
    radiusAfter,
    // Revoking a tool's last scope leaves it undeclared, hence assumed irreversible: a higher presumption,
    // not more authority. Escalation is reserved for changes that can grant something.
    escalation: !narrowing && compareRadius(radiusAfter, radiusBefore) > 0,
    narrowing,
    changes,
    path: after.source.path,
    line: after.source.line,
  };
}
