// Reads a registry from a directory on disk: a deployed agent may not be a git repository. Symbolic links and
// oversized files are refused with findings; everything else is parsed by the core.
import { CONFIG_PATHS, MAX_MANIFEST_BYTES } from '../model/gate-files.js';
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { constants } from 'node:fs';
import { lstat, open, readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  createPathClassification,
  createRegistryRoles,
  literalPrefixes,
} from '../core/plane/classify-paths.js';
import { refusedCharacterOf, refusedPathFinding } from '../model/paths.js';
import type { RegistryRole } from '../core/plane/classify-paths.js';
import { DEFAULT_CONFIG, parseConfig } from '../core/plane/config.js';
import { inputFinding } from '../parse/findings.js';
import { configForRoots, parseRegistryFiles } from '../core/plane/registry-files.js';
import type { SourceFile } from '../model/source-file.js';
import type { Config, Finding, Registry } from '../model/types.js';

/** Files over this size are refused: no manifest or prompt needs more, and a huge file is an attack on the parser. */
/** Files over this size are refused (one limit for commits and the work tree: core/gate-files). */
export const MAX_FILE_BYTES = MAX_MANIFEST_BYTES;
const CONCURRENCY = 32;

export interface LoadRegistryOptions {
  /** the plane globs to read, relative to `dir`; default: `dir`'s agentgate.yaml, else the defaults */
  config?: Config;
  /** folder of tool manifests, relative to `dir`: the control plane is `<toolsPath>/**` */
  toolsPath?: string;
  /** folder of prompts, relative to `dir`: the data plane is `<promptsPath>/**` */
  promptsPath?: string;
}

export interface RegistrySources {
  /** every readable registry file, paths relative to `root`, POSIX separators */
  files: SourceFile[];
  toolsRoot: string;
  promptsRoot: string;
  /** the classification `diff` uses, for parseRegistryFiles */
  roleOf: (path: string) => RegistryRole;
  /** the folder the plane paths are relative to (the repository root) */
  root: string;
  /** the config whose plane paths were read */
  config: Config;
  /** refused files */
  findings: Finding[];
}

/** The folder the default plane paths share: `--registry path/to/registry` names the repository's registry. */
const REGISTRY_FOLDER = 'registry';

export async function loadRegistry(dir = '.', options: LoadRegistryOptions = {}): Promise<Registry> {
  const sources = await readRegistrySources(dir, options);
  const registry = parseRegistryFiles(sources.files, sources);
  registry.findings.unshift(...sources.findings);
  return registry;
}

/**
 * The files the gate judges, read from disk: exactly the paths the config's plane globs classify as registry
 * files (the classifier `diff` uses), never a folder picked because it exists.
 */
export async function readRegistrySources(
  dir = '.',
  options: LoadRegistryOptions = {},
): Promise<RegistrySources> {
  const given = resolve(dir);
  const info = await stat(given).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`registry directory not found: ${dir}`);
  const { root, config } = await chooseRoot(given, options);
  const roleOf = createRegistryRoles(config);
  const classify = createPathClassification(config);
  const sources: RegistrySources = {
    files: [],
    findings: [],
    toolsRoot: literalPrefixes(config.planes.control.paths)[0] ?? '',
    promptsRoot: literalPrefixes(config.planes.data.paths)[0] ?? '',
    roleOf,
    root,
    config,
  };
  const paths = [...config.planes.control.paths, ...config.planes.data.paths];
  const prefixes = paths.length === 0 ? [] : literalPrefixes(paths);
  const walkFrom = paths.length === 0 ? [] : prefixes.length === 0 ? [''] : prefixes;
  const candidates = new Set<string>();
  // a refused name is never opened: it may not even be the name on disk (bytes that are not UTF-8 read as U+FFFD)
  const reads = {
    governed: (path: string) => classify(path).kind !== 'none',
    wanted: (path: string) => {
      const found = classify(path);
      if (found.kind !== 'refused') return roleOf(path) !== 'ignored';
      sources.findings.push(refusedPathFinding(path, found.character));
      return false;
    },
  };
  for (const prefix of walkFrom) {
    // git holds no path outside the repository: a glob reaching out of it matches nothing the gate judged
    if (!isInside(prefix)) continue;
    await walk(root, prefix, reads, candidates, sources.findings);
  }
  // the folders between the root and the registry (`registry/`) are where a runtime once looked for a config
  for (const folder of foldersAbove(walkFrom.filter(isInside))) {
    const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries)
      if (entry.isFile() && CONFIG_NAME.test(entry.name))
        sources.findings.push(configBelowRoot(`${folder}/${entry.name}`));
  }
  const wanted = [...candidates].sort();
  const files = await mapLimit(wanted, CONCURRENCY, (path) => readSource(root, path, sources.findings));
  sources.files = files.filter((file): file is SourceFile => file !== undefined);
  sources.findings = dedupe(sources.findings).sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return sources;
}

/**
 * `dir` with an agentgate config is the repository root. `dir` named `registry` without one is the default
 * layout's registry folder: its parent is the root (and the parent's config, if any, governs). Anything else is
 * a root with the default config. Explicit options win.
 */
async function chooseRoot(
  dir: string,
  options: LoadRegistryOptions,
): Promise<{ root: string; config: Config }> {
  if (options.config !== undefined) return { root: dir, config: options.config };
  if (options.toolsPath !== undefined || options.promptsPath !== undefined) {
    const given = (path: string) => toPosix(relative(dir, resolve(dir, path)));
    return {
      root: dir,
      config: configForRoots({
        toolsRoot: options.toolsPath !== undefined ? given(options.toolsPath) : 'registry/tools',
        promptsRoot: options.promptsPath !== undefined ? given(options.promptsPath) : 'registry/prompts',
      }),
    };
  }
  const own = await readConfigAt(dir);
  if (own !== undefined) return { root: dir, config: own };
  if (basename(dir) === REGISTRY_FOLDER && dirname(dir) !== dir) {
    const parent = dirname(dir);
    return { root: parent, config: (await readConfigAt(parent)) ?? DEFAULT_CONFIG };
  }
  return { root: dir, config: DEFAULT_CONFIG };
}

/** The config in a folder, or undefined when it has none; a config with errors is an error, never the defaults. */
export async function readConfigAt(dir: string): Promise<Config | undefined> {
  for (const name of CONFIG_PATHS) {
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (info === undefined) continue;
    // as in the diff, where a linked config at the base is refused: a link can point at a config nobody reviewed
    if (!info.isFile()) throw new Error(`${path}: the config must be a regular file, not a link or folder`);
    const text = await readFile(path, 'utf8');
    const result = parseConfig(text, name);
    const error = result.errors[0];
    if (error) throw new Error(`${join(dir, name)}:${error.line}: ${error.message}`);
    return result.config;
  }
  return undefined;
}

async function walk(
  base: string,
  root: string,
  { governed, wanted }: { governed: (path: string) => boolean; wanted: (path: string) => boolean },
  out: Set<string>,
  findings: Finding[],
): Promise<void> {
  const rootInfo = root === '' ? await lstat(base) : await lstat(join(base, root)).catch(() => undefined);
  if (!rootInfo) return;
  if (rootInfo.isSymbolicLink()) {
    findings.push(
      refused('symlink-refused', root, 'symbolic links are refused: a link can point outside the registry'),
    );
    return;
  }
  if (rootInfo.isFile()) {
    if (wanted(root)) out.add(root);
    return;
  }
  if (!rootInfo.isDirectory()) return;
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    const entries: Dirent[] = await readdir(join(base, folder), { withFileTypes: true });
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      // git never lists its own folder: the gate cannot have judged anything in it
      if (entry.name === '.git') continue;
      if (entry.isSymbolicLink()) {
        if (!governed(path)) continue;
        findings.push(
          refused(
            'symlink-refused',
            path,
            'symbolic links are refused: a link can point outside the registry',
          ),
        );
      } else if (entry.isDirectory()) {
        // a folder with a refused name is refused whole (its files would be), and never opened
        if (refusedCharacterOf(path) === undefined) pending.push(path);
        else wanted(path);
      } else if (entry.isFile() && folder !== '' && CONFIG_NAME.test(entry.name)) {
        findings.push(configBelowRoot(path));
      } else if (entry.isFile() && wanted(path)) {
        out.add(path);
      }
    }
  }
}

/** One file, refused (with a finding) when it is a link, too large or not UTF-8. */
export async function readSource(
  base: string,
  path: string,
  findings: Finding[],
): Promise<SourceFile | undefined> {
  let handle;
  try {
    // O_NOFOLLOW: a file swapped for a link after the directory was listed is still refused
    handle = await open(
      join(base, ...path.split('/')),
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      findings.push(
        refused('symlink-refused', path, 'symbolic links are refused: a link can point outside the registry'),
      );
      return undefined;
    }
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return undefined;
    if (info.size > MAX_FILE_BYTES) {
      findings.push(
        refused('file-too-large', path, `file is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`),
      );
      return undefined;
    }
    const bytes = await handle.readFile();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      findings.push(refused('encoding', path, 'file is not valid UTF-8'));
      return undefined;
    }
    return { path, oid: gitBlobId(bytes), text };
  } finally {
    await handle.close();
  }
}

/** The id git gives the same content, so parse results can be cached across working tree and commits. */
function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** `a/b/c` -> `a`, `a/b` (the walk itself reads `a/b/c`): the folders strictly between the root and each prefix. */
function foldersAbove(prefixes: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const prefix of prefixes) {
    const segments = prefix.split('/');
    for (let end = 1; end < segments.length; end++) folders.add(segments.slice(0, end).join('/'));
  }
  return [...folders].sort();
}

// the names the root's config may have, in any case: a case-insensitive checkout reads `AgentGate.yaml` as one
const CONFIG_NAME = /^agentgate\.ya?ml$/i;

/**
 * A config below the root was once adopted by a runtime pointed at its folder, a config the gate never judged as
 * the config: it is refused, never read, and the runtime stops on it (`configBelowRoot` findings).
 */
function configBelowRoot(path: string): Finding {
  return inputFinding({
    code: 'config-below-root',
    path,
    line: 1,
    message:
      'an agentgate config below the repository root is never adopted: the root config alone says what the gate judged',
  });
}

/** The nested configs a read refused, for a runtime that stops on them. */
export function configsBelowRoot(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.code === 'config-below-root');
}

function refused(code: Finding['code'], path: string, message: string): Finding {
  return inputFinding({ code, path, line: 1, message });
}

function isInside(prefix: string): boolean {
  return !isAbsolute(prefix) && !prefix.split('/').some((segment) => segment === '..' || segment === '.');
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.code}\0${finding.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
