import picomatch from 'picomatch';
import { createSourceLookup, isAgentDefinition } from '../../sources/lookup.js';
import type { SourceLookup } from '../../sources/lookup.js';
import type { SourceAdapter } from '../../sources/kit/types.js';
import { GATE_FILE_EXCEPTIONS, GATE_FILE_PATTERNS } from '../../model/gate-files.js';
import { PATH_REFUSED, refusedCharacterOf, refusedPathFinding } from '../../model/paths.js';
import { compileGlobs } from '../../model/globs.js';
import type { ChangedFile, Config, Finding, Plane } from '../../model/types.js';

/**
 * Where one path goes. `refused`: the path holds a character that renders unlike its bytes (controls, line and
 * paragraph separators, bidi and other invisible format characters, lone surrogates, U+FFFD from undecodable
 * bytes); it is put in every plane with an error, since neither a reviewer nor a glob can be trusted with it.
 */
export type PathClass =
  | { kind: 'data'; /** the source adapter that reads it, when no plane glob claims it */ source?: string }
  | { kind: 'control'; gate: boolean; source?: string }
  | { kind: 'none' }
  | { kind: 'refused'; character: string };

export type PathClassifier = (path: string) => Plane;

const gateGlobs = compileGlobs(GATE_FILE_PATTERNS);
const gateExceptions = compileGlobs(GATE_FILE_EXCEPTIONS);
const gateMatcher = (path: string) => gateGlobs(path) && !gateExceptions(path);

export function isGateFile(path: string): boolean {
  return refusedCharacterOf(path) === undefined && gateMatcher(path);
}

/**
 * THE classification, shared by the diff and the runtime loader. Gate files win over everything; control globs
 * win over data globs so that a path claimed by both gets the stricter gate. Globs match every character.
 * `sourceOf` is the config's source lookup, passed in by a caller that already holds it.
 */
export function createPathClassification(
  config: Config,
  sourceOf: SourceLookup = createSourceLookup(config.sources),
): (path: string) => PathClass {
  return memoized(classifications, config, sourceOf, () => classifyUnder(config, sourceOf));
}

// A config is read once and never changed, and a walk over history classifies under one config thousands of
// times: its globs are compiled once per config and source lookup.
const classifications = new WeakMap<Config, WeakMap<SourceLookup, (path: string) => PathClass>>();
const registryRoles = new WeakMap<Config, WeakMap<SourceLookup, (path: string) => RegistryRole>>();

function memoized<T extends object>(
  memo: WeakMap<Config, WeakMap<SourceLookup, T>>,
  config: Config,
  sourceOf: SourceLookup,
  make: () => T,
): T {
  let bySource = memo.get(config);
  if (bySource === undefined) memo.set(config, (bySource = new WeakMap()));
  let made = bySource.get(sourceOf);
  if (made === undefined) bySource.set(sourceOf, (made = make()));
  return made;
}

function classifyUnder(config: Config, sourceOf: SourceLookup): (path: string) => PathClass {
  const isControl = compileGlobs(config.planes.control.paths);
  const isData = compileGlobs(config.planes.data.paths);
  return (path) => {
    const character = refusedCharacterOf(path);
    if (character !== undefined) return { kind: 'refused', character };
    if (gateMatcher(path)) return { kind: 'control', gate: true };
    if (isControl(path)) return { kind: 'control', gate: false };
    const source = sourceOf(path);
    // a client config or settings file is read by its adapter wherever it sits, a data glob notwithstanding: read
    // as prompt text, the servers and settings in it would pass unseen
    if (source && !isAgentDefinition(source)) return { kind: 'control', gate: false, source: source.id };
    if (isData(path)) return { kind: 'data' };
    // server configs and settings are control plane; an agent definition is split by meaning like a prompt:
    // its text is data plane, and what it grants reaches the control plane through the diff
    if (source)
      return isAgentDefinition(source)
        ? { kind: 'data', source: source.id }
        : { kind: 'control', gate: false, source: source.id };
    return { kind: 'none' };
  };
}

/** One plane per path, for callers that hold a single gate: a refused path gets the stricter one. */
export function createPathClassifier(config: Config): PathClassifier {
  const classify = createPathClassification(config);
  return (path) => {
    const kind = classify(path).kind;
    return kind === 'refused' ? 'control' : kind;
  };
}

/**
 * The role a registry file plays: the same answer for `diff` (git objects) and the runtime (a folder on disk).
 * A file a source adapter reads is read as its client writes it, wherever it sits: a `.mcp.json`
 * under a control path is a client config, not a manifest missing its `kind`.
 */
export type RegistryRole = 'tool' | 'prompt' | 'refused' | 'ignored' | SourceRole;
export type SourceRole = { kind: 'source'; adapter: SourceAdapter };

const MANIFEST_EXTENSION = /\.(?:ya?ml|json)$/i;

export function createRegistryRoles(
  config: Config,
  sourceOf: SourceLookup = createSourceLookup(config.sources),
): (path: string) => RegistryRole {
  return memoized(registryRoles, config, sourceOf, () => rolesUnder(config, sourceOf));
}

function rolesUnder(config: Config, sourceOf: SourceLookup): (path: string) => RegistryRole {
  const classify = createPathClassification(config, sourceOf);
  return (path) => {
    const found = classify(path);
    if (found.kind === 'refused') return 'refused';
    // a file the data globs claim is the registry's prompt, even named like a client's (`x.prompt.md`)
    if (found.kind === 'data' && found.source === undefined) return 'prompt';
    const adapter = sourceOf(path);
    if (adapter) return { kind: 'source', adapter };
    if (found.kind === 'control' && !found.gate) return MANIFEST_EXTENSION.test(path) ? 'tool' : 'ignored';
    if (found.kind === 'data') return 'prompt';
    return 'ignored';
  };
}

// a refused path cannot be trusted to one plane; two prompts with one id leave both the text and the bindings unknown
const EVERY_PLANE_CODES = new Set([PATH_REFUSED, 'duplicate-prompt']);

/** A finding that holds both gates, wherever its file would fall. */
export function holdsEveryPlane(finding: Finding): boolean {
  return EVERY_PLANE_CODES.has(finding.code);
}

/** Changed files whose paths are refused (either side of a rename), with the first refused character. */
export function refusedChangedPaths(files: ChangedFile[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    for (const path of new Set([file.path, file.oldPath ?? file.path])) {
      const character = refusedCharacterOf(path);
      if (character !== undefined) findings.push(refusedPathFinding(path, character));
    }
  }
  return findings;
}

/** The literal directory part of each glob, for narrowing what git has to list. '' means the whole tree. */
export function literalPrefixes(globs: readonly string[]): string[] {
  const prefixes = globs.map((glob) => {
    const scan = picomatch.scan(glob);
    return scan.isGlob ? scan.base : glob;
  });
  return prefixes.includes('') ? [] : [...new Set(prefixes)].sort();
}
