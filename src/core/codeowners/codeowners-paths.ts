import picomatch from 'picomatch';
import { CODEOWNERS_LOCATIONS } from '../../model/gate-files.js';
import type { SourceLookup, SourcesConfig } from '../../sources/lookup.js';
import { roleOf, sourceGlobs } from '../../sources/lookup.js';
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
 * The client source files as CODEOWNERS patterns: MCP client configs, client settings and agent files
 * carry authority, so the control-plane owner holds them wherever a client reads them, the config's added
 * `sources:` paths and nested projects included (`codeowners --check` probes every file the lookup claims).
 */
export function sourcePatterns(sources: SourcesConfig = {}): string[] {
  const gates = new Set(GATE_PATTERNS);
  return [...new Set(sourceGlobs(sources).filter(writable).map(codeownersPattern))].filter(
    (pattern) => !gates.has(pattern),
  );
}

// A glob holding a control, separator or invisible character would split or hide a CODEOWNERS line (a tab or a
// line break ahead of an owner adds that owner), and the gate refuses every path such a glob could match anyway.
const writable = (glob: string): boolean => refusedCharacterOf(glob) === undefined;

/** Agent files hold prompt text beside their bindings; configs and settings are authority alone. */
export function isAgentFile(path: string, sourceOf: SourceLookup): boolean {
  const adapter = sourceOf(path);
  return adapter !== undefined && roleOf(adapter) === 'agent';
}
