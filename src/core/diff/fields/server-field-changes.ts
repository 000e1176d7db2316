import { canonicalJson, jsonEqual } from '../../../model/canonical-json.js';
import { compareHostSets } from '../../radius/hosts.js';
import { compareSets } from '../../radius/scopes.js';
import { credentialChanges, setChange } from '../../radius/credential-changes.js';
import type { FieldChange, JsonValue, Server, ServerTransport } from '../../../model/types.js';

/**
 * Field-by-field comparison of one server at base and head. The transport is a program or an
 * endpoint: no change to it can be shown to grant less (a dropped `--read-only` argument widens), so every
 * transport change is `widened`. Env and header values are never shown, only the names of the keys.
 */
export function compareServerFields(before: Server, after: Server): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (change: FieldChange | undefined): void => {
    if (change) changes.push(change);
  };
  const b = before.transport;
  const a = after.transport;
  push(scalar('transport.type', b.type, a.type));
  push(scalar('transport.command', b.command, a.command));
  push(scalar('transport.args', b.args, a.args));
  push(scalar('transport.cwd', b.cwd, a.cwd));
  if (!jsonEqual(b.url ?? null, a.url ?? null)) {
    push({ field: 'transport.url', kind: 'widened', before: redactUrl(b.url), after: redactUrl(a.url) });
  }
  push(secretMapChange('transport.env', b.env, a.env));
  push(secretMapChange('transport.headers', b.headers, a.headers));
  changes.push(...unmodelledTransportKeys(b, a));
  changes.push(...credentialChanges(before, after));
  push(setChange('egress', compareHostSets(before.egress, after.egress)));
  push(snapshotChange(before.tools, after.tools));
  push(allowListChange(before.includeTools, after.includeTools));
  push(denyListChange(before.excludeTools ?? [], after.excludeTools ?? []));
  if (before.description !== after.description) {
    const change = { before: before.description ?? null, after: after.description ?? null };
    changes.push({ field: 'description', kind: 'changed', ...change });
  }
  push(
    switchedOn('enabled', before.enabled !== false, after.enabled !== false, before.enabled, after.enabled),
  );
  push(switchedOn('trust', before.trust === true, after.trust === true, before.trust, after.trust));
  changes.push(...uncovered(before, after));
  if (before.owner !== after.owner) {
    changes.push({
      field: 'owner',
      kind: 'changed',
      before: before.owner ?? null,
      after: after.owner ?? null,
    });
  }
  return changes;
}

/**
 * A switch that grants when on: a server switched on (`enabled`, `disabled: false`, left out of an exclusion
 * list) or trusted (`trust: true`, every confirmation skipped) widens; switched off, it narrows.
 */
function switchedOn(
  field: string,
  wasOn: boolean,
  isOn: boolean,
  before: unknown,
  after: unknown,
): FieldChange | undefined {
  if (wasOn === isOn) {
    if (jsonEqual(toJson(before), toJson(after))) return undefined;
    // the same effect, spelled otherwise (absent -> true): nothing granted, but not nothing changed
    return { field, kind: 'changed', before: toJson(before), after: toJson(after) };
  }
  return { field, kind: isOn ? 'widened' : 'narrowed', before: toJson(before), after: toJson(after) };
}

/** Server fields the rows above compare; anything else the model gains is compared by `uncovered`. */
const COVERED = new Set([
  ...['name', 'origin', 'source', 'transport', 'credentials', 'egress', 'tools', 'includeTools'],
  ...['excludeTools', 'description', 'owner', 'enabled', 'trust'],
]);
const COVERED_TRANSPORT = new Set(['type', 'command', 'args', 'cwd', 'url', 'env', 'headers', 'other']);

/**
 * The whole entry: whatever the rows did not cover is compared too, and any difference there widens, so a
 * covered narrowing beside it can never make the change look like a revocation.
 */
function uncovered(before: Server, after: Server): FieldChange[] {
  const rest = (server: Server) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(server)) if (!COVERED.has(key)) out[key] = value;
    for (const [key, value] of Object.entries(server.transport))
      if (!COVERED_TRANSPORT.has(key)) out[`transport.${key}`] = value;
    return out;
  };
  const b = rest(before);
  const a = rest(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .sort()
    .filter((key) => !jsonEqual(toJson(b[key]), toJson(a[key])))
    .map((key) => ({
      field: key,
      kind: 'widened' as const,
      details: ['a part of the entry no row compares'],
    }));
}

function scalar(field: string, before: unknown, after: unknown): FieldChange | undefined {
  if (jsonEqual(toJson(before), toJson(after))) return undefined;
  return { field, kind: 'widened', before: toJson(before), after: toJson(after) };
}

const toJson = (value: unknown): JsonValue =>
  value === undefined ? null : (JSON.parse(canonicalJson(value)) as JsonValue);

/** Any added, dropped or rewritten key: values may be secrets (and may be flags), so only names are shown. */
function secretMapChange(
  field: string,
  before: Record<string, string> | undefined,
  after: Record<string, string> | undefined,
): FieldChange | undefined {
  const b = before ?? {};
  const a = after ?? {};
  const added = Object.keys(a)
    .filter((key) => !Object.hasOwn(b, key))
    .sort();
  const removed = Object.keys(b)
    .filter((key) => !Object.hasOwn(a, key))
    .sort();
  const rewritten = Object.keys(a)
    .filter((key) => Object.hasOwn(b, key) && a[key] !== b[key])
    .sort();
  if (added.length + removed.length + rewritten.length === 0) return undefined;
  const change: FieldChange = { field, kind: 'widened', added, removed };
  if (rewritten.length > 0) change.details = rewritten.map((key) => `value of ${key} changed`);
  return change;
}

/** A transport key agentgate does not model cannot be shown to grant less: each change widens. */
function unmodelledTransportKeys(before: ServerTransport, after: ServerTransport): FieldChange[] {
  const b = before.other ?? {};
  const a = after.other ?? {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .sort()
    .map((key) => scalar(`transport.${key}`, b[key], a[key]))
    .filter((change): change is FieldChange => change !== undefined);
}

/**
 * The pinned tools/list snapshot. Pinning one where there was none is a declaration (`changed`), not a
 * revocation; dropping it leaves the server's tools unknown (`widened`).
 */
function snapshotChange(before: string[] | undefined, after: string[] | undefined): FieldChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  if (before === undefined) return { field: 'tools', kind: 'changed', added: after ?? [], removed: [] };
  if (after === undefined) return { field: 'tools', kind: 'widened', added: [], removed: before };
  return setChange(
    'tools',
    compareSets(before, after, (set, item) => set.includes(item)),
  );
}

const coversTool = (set: readonly string[], item: string): boolean => set.includes(item) || set.includes('*');

/** An allow list: none means every tool; a name added to it widens, one removed narrows. */
function allowListChange(before: string[] | undefined, after: string[] | undefined): FieldChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  if (before === undefined)
    return { field: 'includeTools', kind: 'narrowed', added: after ?? [], removed: [] };
  if (after === undefined) return { field: 'includeTools', kind: 'widened', added: [], removed: before };
  return setChange('includeTools', compareSets(before, after, coversTool));
}

/**
 * A deny list works the other way round: compared from head to base, a name gone from it is one the head
 * no longer covers, which is exactly a widening.
 */
function denyListChange(before: string[], after: string[]): FieldChange | undefined {
  const comparison = compareSets(after, before, coversTool);
  if (comparison.kind === 'same') return undefined;
  return {
    field: 'excludeTools',
    kind: comparison.kind,
    added: comparison.removed,
    removed: comparison.added,
  };
}

/** A url as shown to reviewers: user info and query values can be secrets, so they are masked. */
export function redactUrl(url: string | undefined): JsonValue {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') {
      parsed.username = parsed.username === '' ? '' : '***';
      parsed.password = parsed.password === '' ? '' : '***';
    }
    for (const key of [...new Set(parsed.searchParams.keys())]) parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    return '(unparseable url)';
  }
}

/** A raw transport as shown to reviewers: env and header values (maybe secrets) masked, url secrets masked. */
export function redactTransport(transport: JsonValue | undefined): JsonValue {
  if (transport === undefined || transport === null) return null;
  if (typeof transport !== 'object' || Array.isArray(transport)) return transport;
  const out: Record<string, JsonValue> = { ...transport };
  for (const key of ['env', 'headers']) {
    const map = out[key];
    if (typeof map === 'object' && map !== null && !Array.isArray(map)) {
      out[key] = Object.fromEntries(Object.keys(map).map((name) => [name, '***']));
    }
  }
  if (typeof out.url === 'string') out.url = redactUrl(out.url);
  return out;
}
