import picomatch from 'picomatch';
import { CODEOWNERS_LOCATIONS } from '../../model/gate-files.js';
import type { SourceAdapter } from '../../sources/kit/types.js';
import type { SourceLookup, SourcesConfig } from '../../sources/lookup.js';
import {
  ALL_SOURCE_ADAPTERS,
  claimedPaths,
  isAgentDefinition,
  roleOf,
  sourceGlobs,
} from '../../sources/lookup.js';
import { refusedCharacterOf } from '../../model/paths.js';

/** GitHub's lookup order: the first of these that exists is the only CODEOWNERS file it reads. */

/**
 * The CODEOWNERS locations that can decide ownership: the active file and every location GitHub would read
 * first (creating one of those replaces the active file). No file: all of them.
 */
export function governingLocations(active: string | null): string[] {
  const index = active === null ? -1 : (CODEOWNERS_LOCATIONS as readonly string[]).indexOf(active);
  return index === -1 ? [...CODEOWNERS_LOCATIONS] : CODEOWNERS_LOCATIONS.slice(0, index + 1);
}

/** Gate files other than CODEOWNERS, as the paths probed and the patterns written. */
export const GATE_PROBES = [
  'agentgate.yaml',
  '.github/workflows/agentgate.yml',
  '.github/actions/agentgate/action.yml',
  'action.yml',
  '.gitattributes',
];
// every gate file (CODEOWNERS locations are added where the block is written); a config at any depth is one
export const GATE_PATTERNS = [
  '**/agentgate.yaml',
  '**/agentgate.yml',
  '/.github/workflows/',
  '/.github/actions/',
  '/action.yml',
  '/action.yaml',
  '/.gitattributes',
];

const CANDIDATES = {
  control: ['x.yaml', 'sub/y.yml', 'z.json'],
  data: ['x.md', 'sub/y.yaml', 'z.jsonl'],
} as const;

/**
 * Representative files for a plane's globs: a manifest at the top of the folder and one nested, so that a
 * rule like `*.yaml @someone` or `registry/tools/*` (direct children only) shows up as a gap.
 */
export function planeProbes(globs: readonly string[], plane: 'control' | 'data'): string[] {
  const probes = new Set<string>();
  for (const glob of globs) {
    const matches = picomatch(glob, { dot: true });
    const scan = picomatch.scan(glob);
    if (!scan.isGlob) {
      probes.add(glob);
      continue;
    }
    const base = scan.base.replace(/\/+$/, '');
    const found = CANDIDATES[plane]
      .map((file) => (base === '' ? file : `${base}/${file}`))
      .filter((path) => matches(path));
    const fallback = exampleOf(glob);
    if (found.length === 0 && matches(fallback)) found.push(fallback);
    for (const path of found) probes.add(path);
  }
  return [...probes];
}

/** A path a glob matches, by filling in its wildcards. */
function exampleOf(glob: string): string {
  return glob
    .replace(/\{([^,}]*)[^}]*\}/g, '$1')
    .replace(/\*\*\//g, 'sub/')
    .replace(/\*\*/g, 'sub/x.yaml')
    .replace(/\[[^\]]*\]/g, 'x')
    .replace(/[*?]/g, 'x');
}

/** A plane glob as a CODEOWNERS pattern: `registry/tools/**` -> `/registry/tools/`. */
export function codeownersPattern(glob: string): string {
  const scan = picomatch.scan(glob);
  const escape = (text: string) => text.replace(/ /g, '\\ ');
  if (!scan.isGlob) return `/${escape(glob.replace(/^\/+/, ''))}`;
  const base = scan.base.replace(/^\/+|\/+$/g, '');
  if (base !== '') return `/${escape(base)}/`;
  return glob.startsWith('**/') ? escape(glob) : `/${escape(glob)}`;
}

/**
 * The client source files as CODEOWNERS patterns for the control-plane owner: MCP client configs, settings,
 * hooks, plugin manifests, wherever a client reads them, the config's added `sources:` paths and nested projects
 * included (`codeowners --check` probes every file the lookup claims). An agent file's folder is among them, so
 * that the scripts and other files beside it stay the control owner's; the agent files themselves are given to
 * the data owner by `mixedPatterns`, written after these.
 */
export function sourcePatterns(sources: SourcesConfig = {}): string[] {
  const gates = new Set(GATE_PATTERNS);
  const mixed = new Set(mixedPatterns(sources));
  return [
    ...new Set(
      sourceGlobs(sources)
        .filter((glob) => !UNWRITABLE.test(glob))
        .map((glob) => codeownersPattern(glob.replace(EXTGLOB, '*'))),
    ),
  ].filter((pattern) => !gates.has(pattern) && !mixed.has(pattern));
}

/**
 * Files split by meaning (agents, commands, skills, prompt files, gh-aw workflows, instruction files) as exact
 * CODEOWNERS patterns for the data owner: their text is the data plane, and what their front matter grants is
 * held by the control-plane check and its signers, so a text edit waits for no security review. A glob
 * CODEOWNERS cannot say exactly (braces, ranges, extglobs) is left out: its files stay with the control owner.
 */
export function mixedPatterns(sources: SourcesConfig = {}): string[] {
  const out = new Set<string>();
  for (const { adapter, globs } of adapterGlobs(sources)) {
    if (!isAgentDefinition(adapter)) continue;
    for (const glob of globs) {
      const pattern = exactPattern(glob);
      if (pattern !== null) out.add(pattern);
    }
  }
  return [...out];
}

/** Each adapter's globs: its defaults, the paths the clients also read, and the paths `sources:` adds to it. */
function adapterGlobs(sources: SourcesConfig): { adapter: SourceAdapter; globs: string[] }[] {
  const added = (key: string) => (Object.hasOwn(sources, key) ? (sources[key]?.paths ?? []) : []);
  const firstOfKind = new Set<string>();
  return ALL_SOURCE_ADAPTERS.map((adapter) => {
    const globs = [...claimedPaths(adapter), ...added(adapter.id)];
    // paths added to a kind are read by its first adapter, as the source lookup reads them
    if (!firstOfKind.has(adapter.kind)) {
      firstOfKind.add(adapter.kind);
      globs.push(...added(adapter.kind));
    }
    return { adapter, globs };
  });
}

/** A glob as the CODEOWNERS pattern matching the same files, or null when CODEOWNERS cannot say it. */
function exactPattern(glob: string): string | null {
  if (UNWRITABLE.test(glob) || INEXPRESSIBLE.test(glob)) return null;
  const path = glob.replace(/^\/+/, '').replace(/ /g, '\\ ');
  if (path === '' || path.endsWith('/')) return null;
  return path.startsWith('**/') ? path : `/${path}`;
}

// A glob holding a control, separator or invisible character would split or hide a CODEOWNERS line (a tab or a
// line break ahead of an owner adds that owner), and the gate refuses every path such a glob could match anyway.
const UNWRITABLE = { test: (glob: string): boolean => refusedCharacterOf(glob) !== undefined };
// CODEOWNERS has no braces, ranges, `?`, extglobs or negation (GitHub ignores such a line or reads it otherwise)
const INEXPRESSIBLE = /[{}[\]?!()#\\]|^@|[+@]\(/u;
const EXTGLOB = /[!@+*?]\([^)]*\)/gu;

/**
 * Files split by meaning: their text is data plane, what they grant control plane; configs, settings, hooks and
 * manifests are authority alone.
 */
export function isMixedFile(path: string, sourceOf: SourceLookup): boolean {
  const adapter = sourceOf(path);
  return adapter !== undefined && isAgentDefinition(adapter);
}

/** Agent files hold prompt text beside their bindings; configs and settings are authority alone. */
export function isAgentFile(path: string, sourceOf: SourceLookup): boolean {
  const adapter = sourceOf(path);
  return adapter !== undefined && roleOf(adapter) === 'agent';
}
