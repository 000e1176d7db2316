// Which source adapter reads a path, under the `sources:` of the base config: the default paths of
// every adapter, plus the paths a config adds, minus the kinds or adapters it turns off.
import { compileGlobs } from '../model/globs.js';
import { AGENT_SOURCE_ADAPTERS, CLIENT_SOURCE_ADAPTERS, SOURCE_ADAPTERS } from './formats/index.js';
import type { AdapterRole, SourceAdapter } from './kit/types.js';

/** Every source format agentgate reads: MCP client configs and registry entries, then agent definitions. */
export const ALL_SOURCE_ADAPTERS: readonly SourceAdapter[] = [
  ...SOURCE_ADAPTERS,
  ...AGENT_SOURCE_ADAPTERS,
  ...CLIENT_SOURCE_ADAPTERS,
];

/**
 * One key of `sources:` (a kind or an adapter id): `false` turns it off, `paths` adds globs it reads, `inert`
 * adds keys that only describe (data plane; a key the client reads as authority stays authority).
 */
export type SourceSetting = { enabled: boolean; paths: string[]; inert?: string[] };

/** `sources:` of agentgate.yaml, keyed by source kind or adapter id; absent = every default on. */
export type SourcesConfig = Record<string, SourceSetting>;

const BY_ID = new Map(ALL_SOURCE_ADAPTERS.map((adapter) => [adapter.id, adapter]));

/** What an adapter's files are to the gate (its record says; absent = authority). */
export function roleOf(adapter: SourceAdapter): AdapterRole {
  return adapter.role ?? 'authority';
}

/** Whether the adapter reads text the model reads (an agent definition or instructions), not authority alone. */
export function isAgentDefinition(adapter: SourceAdapter): boolean {
  return roleOf(adapter) !== 'authority';
}

/** Whether the adapter of this id reads text the model reads and nothing else: data plane even when it appears. */
export function isTextOnlySource(id: string | undefined): boolean {
  const adapter = id === undefined ? undefined : BY_ID.get(id);
  return adapter !== undefined && roleOf(adapter) === 'text';
}

/** Every glob an adapter claims with no config: its default paths and the paths its client also reads. */
export function claimedPaths(adapter: SourceAdapter): string[] {
  return [...adapter.defaultPaths, ...(adapter.alsoReads ?? [])];
}

/** The keys `sources:` accepts: every kind and every adapter id. */
export function sourceKeys(): string[] {
  return [...new Set(ALL_SOURCE_ADAPTERS.flatMap((adapter) => [adapter.kind, adapter.id]))].sort();
}

export type SourceLookup = (path: string) => SourceAdapter | undefined;

/**
 * The adapter that reads a path, or undefined. Added paths of a kind are read by the kind's first adapter
 * (`mcp-config`: the `.mcp.json` reader; `claude-code`: subagents; `copilot`: custom agents); added paths of an
 * adapter id by that adapter. Added paths are tried before default ones, so a config can say how to read a file.
 */
export function createSourceLookup(sources: SourcesConfig = NO_SOURCES): SourceLookup {
  let lookup = lookups.get(sources);
  if (lookup === undefined) {
    lookup = lookUpUnder(sources);
    lookups.set(sources, lookup);
  }
  return lookup;
}

// a config's `sources:` is read once and never changed: its globs are compiled once per config, not per commit
const NO_SOURCES: SourcesConfig = Object.freeze({});
const lookups = new WeakMap<SourcesConfig, SourceLookup>();

interface AdapterGlobs {
  adapter: SourceAdapter;
  globs: readonly string[];
  match: (path: string) => boolean;
}

function lookUpUnder(sources: SourcesConfig): SourceLookup {
  const setting = (key: string): SourceSetting | undefined =>
    Object.prototype.hasOwnProperty.call(sources, key) ? sources[key] : undefined;
  const inertOf = (adapter: SourceAdapter) => [
    ...(setting(adapter.kind)?.inert ?? []),
    ...(setting(adapter.id)?.inert ?? []),
  ];
  const enabled = ALL_SOURCE_ADAPTERS.filter(
    (adapter) => setting(adapter.kind)?.enabled !== false && setting(adapter.id)?.enabled !== false,
  ).map((adapter) => withInert(adapter, inertOf(adapter)));
  const added: AdapterGlobs[] = [];
  const firstOfKind = new Set<string>();
  for (const adapter of enabled) {
    const paths = [...(setting(adapter.id)?.paths ?? [])];
    if (!firstOfKind.has(adapter.kind)) {
      firstOfKind.add(adapter.kind);
      paths.push(...(setting(adapter.kind)?.paths ?? []));
    }
    if (paths.length > 0) added.push({ adapter, globs: paths, match: compileGlobs(paths) });
  }
  const defaults = enabled.map((adapter): AdapterGlobs => {
    const globs = claimedPaths(adapter);
    return { adapter, globs, match: compileGlobs(globs) };
  });
  const all = [...added, ...defaults];
  // most paths of a repository are read by no adapter: one expression answers that before any adapter is asked
  const anyAdapter = compileGlobs(all.flatMap((entry) => entry.globs));
  return (path) => {
    if (path === '' || path.startsWith('/') || path.includes('\\') || !anyAdapter(path)) return undefined;
    return all.find((entry) => entry.match(path))?.adapter;
  };
}

/** The adapter reading with the config's inert keys of its kind and id; itself when there are none. */
function withInert(adapter: SourceAdapter, inert: readonly string[]): SourceAdapter {
  if (inert.length === 0) return adapter;
  return {
    ...adapter,
    parse: (file, options) => adapter.parse(file, { inert: [...inert, ...(options?.inert ?? [])] }),
  };
}

/**
 * Every glob a client source can sit at under `sources:`, for the control plane owner's CODEOWNERS rules: each
 * adapter's default and nested paths, and the paths the config adds. Turned-off sources keep their globs: agentgate
 * not reading a file does not stop its client from reading it, and owning it costs no more than a reviewer. Keys
 * that name no source add nothing (the config parser warns about them).
 */
export function sourceGlobs(sources: SourcesConfig = {}): string[] {
  return [
    ...new Set([
      ...ALL_SOURCE_ADAPTERS.flatMap(claimedPaths),
      ...sourceKeys().flatMap((key) => (Object.hasOwn(sources, key) ? (sources[key]?.paths ?? []) : [])),
    ]),
  ];
}
