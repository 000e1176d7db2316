// Which source adapter reads a path, under the `sources:` of the base config: the default paths of
// every adapter, plus the paths a config adds, minus the kinds or adapters it turns off.
import { compileGlobs } from '../model/globs.js';
import { AGENT_SOURCE_ADAPTERS, CLIENT_SOURCE_ADAPTERS, SOURCE_ADAPTERS } from './formats/index.js';
import type { SourceAdapter } from './kit/types.js';

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

/**
 * Adapters whose files are agent definitions: their text is data plane and what they grant is control plane.
 * Every other source (server configs, settings, registry entries) is control plane as a whole.
 */
const AGENT_DEFINITIONS = new Set([
  'claude-agents',
  'claude-commands',
  'claude-skills',
  'copilot-agents',
  'copilot-chatmodes',
  'copilot-prompts',
  'gh-aw-workflows',
  'instructions',
]);

/** Sources that are text the model reads and nothing else: data plane even when they appear or go. */
const TEXT_ONLY = new Set(['instructions']);

export function isTextOnlySource(id: string | undefined): boolean {
  return id !== undefined && TEXT_ONLY.has(id);
}

/**
 * Paths the clients also read beside the adapters' own defaults, claimed by the gate with no config: nested
 * projects of a monorepo (`app/.claude/settings.json` governs whoever opens `app/`), Claude Code plugins
 * (`plugins/<name>/agents/x.md`) and suffixes no other file uses (`*.prompt.md`, `*.chatmode.md`, `SKILL.md`).
 * Claiming more only adds a gate; a file the registry's plane globs claim stays the registry's.
 */
export const ALSO_READ: Record<string, string[]> = {
  'claude-agents': ['**/.claude/agents/**/*.md', '**/plugins/*/agents/**/*.md'],
  'claude-commands': ['**/.claude/commands/**/*.md', '**/plugins/*/commands/**/*.md'],
  'claude-skills': ['**/SKILL.md'],
  'claude-settings': ['**/.claude/settings.json', '**/.claude/settings.local.json'],
  'copilot-chatmodes': ['**/*.chatmode.md'],
  'copilot-prompts': ['**/*.prompt.md'],
};

export function isAgentDefinition(adapter: SourceAdapter): boolean {
  return AGENT_DEFINITIONS.has(adapter.id);
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
    const globs = [...adapter.defaultPaths, ...(ALSO_READ[adapter.id] ?? [])];
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
      ...ALL_SOURCE_ADAPTERS.flatMap((adapter) => [
        ...adapter.defaultPaths,
        ...(ALSO_READ[adapter.id] ?? []),
      ]),
      ...sourceKeys().flatMap((key) => (Object.hasOwn(sources, key) ? (sources[key]?.paths ?? []) : [])),
    ]),
  ];
}
