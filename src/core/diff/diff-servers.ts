import { canonicalJson } from '../../model/canonical-json.js';
import { compareRadius } from '../radius/radius.js';
import { compareServerFields, redactUrl } from './fields/server-field-changes.js';
import { classifyServerRadius } from '../radius/server-radius.js';
import type { FieldChange, Radius, Server, ServerChange } from '../../model/types.js';

export interface DiffServersOptions {
  /** config `radius.actions`: overrides of the action floor table */
  actions?: Record<string, Radius>;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Which server this is, across base and head. A manifest server is its name (moving the file changes
 * nothing); a client-config entry is its name within its file, because `.vscode/mcp.json` and
 * `.cursor/mcp.json` are read by different clients and may each hold a `github`.
 */
export function serverIdentity(server: Server): string {
  return server.origin === 'manifest' ? `manifest\0${server.name}` : `${server.source.path}\0${server.name}`;
}

/**
 * Servers keyed by identity. Two servers with one identity must both stay visible (first-wins would hide
 * the second one's authority), so a duplicate gets its file and position in its key.
 */
export function keyServers(servers: readonly Server[]): Map<string, Server> {
  const sorted = [...servers].sort(
    (a, b) =>
      compare(serverIdentity(a), serverIdentity(b)) ||
      compare(a.source.path, b.source.path) ||
      a.source.line - b.source.line,
  );
  const counts = new Map<string, number>();
  for (const server of sorted)
    counts.set(serverIdentity(server), (counts.get(serverIdentity(server)) ?? 0) + 1);
  const out = new Map<string, Server>();
  for (const server of sorted) {
    const identity = serverIdentity(server);
    const key =
      (counts.get(identity) ?? 0) > 1 ? `${identity}\0${server.source.path}:${server.source.line}` : identity;
    out.set(key, server);
  }
  return out;
}

/** The server as capability data: no name, no location. Equal content under a new name is a rename. */
export function serverCapability(server: Server): string {
  const { name: _name, source: _source, ...rest } = server;
  return canonicalJson(JSON.parse(JSON.stringify(rest)));
}

/** One changed server with both sides, for the digest: `before`/`after` absent on the side it is missing. */
export interface ServerPair {
  change: ServerChange;
  before?: Server;
  after?: Server;
}

/** What changed between the servers of two registries; unchanged servers are not listed. */
export function diffServers(
  base: readonly Server[],
  head: readonly Server[],
  options: DiffServersOptions = {},
): ServerChange[] {
  return diffServerPairs(base, head, options).map((pair) => pair.change);
}

export function diffServerPairs(
  base: readonly Server[],
  head: readonly Server[],
  options: DiffServersOptions = {},
): ServerPair[] {
  const actions = options.actions ?? {};
  const radiusOf = (server: Server): Radius => classifyServerRadius(server, actions).radius;
  const baseByKey = keyServers(base);
  const headByKey = keyServers(head);
  const pairs: ServerPair[] = [];
  const headOnly: Server[] = [];
  for (const [key, after] of headByKey) {
    const before = baseByKey.get(key);
    if (!before) headOnly.push(after);
    else if (serverCapability(before) !== serverCapability(after)) {
      pairs.push({ change: modified(before, after, radiusOf), before, after });
    }
  }
  const baseOnly = [...baseByKey].filter(([key]) => !headByKey.has(key)).map(([, server]) => server);
  const byContent = new Map<string, Server[]>();
  for (const server of baseOnly) {
    const key = serverCapability(server);
    byContent.set(key, [...(byContent.get(key) ?? []), server]);
  }
  const renamedFrom = new Set<Server>();
  for (const after of headOnly) {
    const before = byContent.get(serverCapability(after))?.shift();
    if (before) {
      renamedFrom.add(before);
      pairs.push({ change: renamed(before, after, radiusOf), before, after });
    } else pairs.push({ change: added(after, radiusOf), after });
  }
  for (const before of baseOnly) {
    if (!renamedFrom.has(before)) pairs.push({ change: removed(before, radiusOf), before });
  }
  return pairs.sort(
    (a, b) => compare(a.change.name, b.change.name) || compare(a.change.source, b.change.source),
  );
}

type RadiusOf = (server: Server) => Radius;

function at(server: Server): Pick<ServerChange, 'source' | 'path' | 'line'> {
  return { source: server.source.path, path: server.source.path, line: server.source.line };
}

/** What a new server brings, in the form a modified one's gains are shown. */
export function describeAddedServer(server: Server): FieldChange[] {
  const changes: FieldChange[] = [];
  const { transport } = server;
  if (transport.command !== undefined) {
    changes.push({ field: 'transport.command', kind: 'widened', before: null, after: transport.command });
  }
  if (transport.args !== undefined && transport.args.length > 0) {
    changes.push({ field: 'transport.args', kind: 'widened', before: null, after: transport.args });
  }
  if (transport.url !== undefined) {
    changes.push({ field: 'transport.url', kind: 'widened', before: null, after: redactUrl(transport.url) });
  }
  if (server.credentials.length > 0) {
    const names = server.credentials.map((c) => c.name);
    changes.push({ field: 'credentials', kind: 'widened', added: names, removed: [] });
  }
  if (server.egress.length > 0) {
    changes.push({ field: 'egress', kind: 'widened', added: [...server.egress], removed: [] });
  }
  if (server.tools !== undefined) {
    changes.push({ field: 'tools', kind: 'widened', added: [...server.tools], removed: [] });
  }
  return changes;
}

function added(after: Server, radiusOf: RadiusOf): ServerChange {
  const radiusAfter = radiusOf(after);
  return {
    name: after.name,
    change: 'added',
    ...at(after),
    radiusBefore: null,
    radiusAfter,
    escalation: compareRadius(radiusAfter, 'none') > 0,
    narrowing: false,
    changes: describeAddedServer(after),
  };
}

/** A removed server is a revocation. */
function removed(before: Server, radiusOf: RadiusOf): ServerChange {
  return {
    name: before.name,
    change: 'removed',
    ...at(before),
    radiusBefore: radiusOf(before),
    radiusAfter: null,
    escalation: false,
    narrowing: true,
    changes: [],
  };
}

function renamed(before: Server, after: Server, radiusOf: RadiusOf): ServerChange {
  return {
    name: after.name,
    change: 'renamed',
    oldName: before.name,
    ...at(after),
    radiusBefore: radiusOf(before),
    radiusAfter: radiusOf(after),
    escalation: false,
    narrowing: false,
    changes: [{ field: 'name', kind: 'changed', before: before.name, after: after.name }],
  };
}

function modified(before: Server, after: Server, radiusOf: RadiusOf): ServerChange {
  const radiusBefore = radiusOf(before);
  const radiusAfter = radiusOf(after);
  const changes = compareServerFields(before, after);
  // content differs but no field says how: fail closed (compareServerFields also compares what its rows miss)
  if (changes.length === 0) changes.push({ field: 'server', kind: 'widened' });
  return {
    name: after.name,
    change: 'modified',
    ...at(after),
    radiusBefore,
    radiusAfter,
    escalation: compareRadius(radiusAfter, radiusBefore) > 0,
    narrowing: changes.every((change) => change.kind === 'narrowed'),
    changes,
  };
}
