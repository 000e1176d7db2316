// Reads a registry from a directory on disk: a deployed agent may not be a git repository. Symbolic links and
// oversized files are refused with findings; everything else is parsed by the core.
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { constants } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { inputFinding } from '../core/parse/findings.js';
import { parseRegistryFiles } from '../core/parse/registry-files.js';
import type { SourceFile } from '../core/parse/source-file.js';
import type { Finding, Registry } from '../core/types.js';

/** Files over this size are refused: no manifest or prompt needs more, and a huge file is an attack on the parser. */
export const MAX_FILE_BYTES = 1024 * 1024;
const CONCURRENCY = 32;
const TOOL_FILE = /\.(?:ya?ml|json)$/i;

export interface LoadRegistryOptions {
  /** folder of tool manifests, relative to `dir` (default `registry/tools`, or `tools` when `dir` is a registry folder) */
  toolsPath?: string;
  /** folder of prompts, relative to `dir` (default `registry/prompts`, or `prompts`) */
  promptsPath?: string;
}

export interface RegistrySources {
  /** every readable file under the two roots, paths relative to the directory, POSIX separators */
  files: SourceFile[];
  toolsRoot: string;
  promptsRoot: string;
  /** refused files */
  findings: Finding[];
}

export async function loadRegistry(dir = '.', options: LoadRegistryOptions = {}): Promise<Registry> {
  const sources = await readRegistrySources(dir, options);
  const registry = parseRegistryFiles(sources.files, sources);
  registry.findings.unshift(...sources.findings);
  return registry;
}

export async function readRegistrySources(
  dir = '.',
  options: LoadRegistryOptions = {},
): Promise<RegistrySources> {
  const base = resolve(dir);
  const info = await stat(base).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`registry directory not found: ${dir}`);
  const roots = await chooseRoots(base, options);
  const sources: RegistrySources = { files: [], findings: [], ...roots };
  const candidates: string[] = [];
  for (const [root, accept] of [
    [roots.toolsRoot, (path: string) => TOOL_FILE.test(path)],
    [roots.promptsRoot, () => true],
  ] as const) {
    if (root !== '') await walk(base, root, accept, candidates, sources.findings);
  }
  candidates.sort();
  const files = await mapLimit(candidates, CONCURRENCY, (path) => readSource(base, path, sources.findings));
  sources.files = files.filter((file): file is SourceFile => file !== undefined);
  sources.findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sources;
}

async function chooseRoots(
  base: string,
  options: LoadRegistryOptions,
): Promise<{ toolsRoot: string; promptsRoot: string }> {
  const given = (path: string) => toPosix(relative(base, resolve(base, path)));
  if (options.toolsPath !== undefined || options.promptsPath !== undefined) {
    return {
      toolsRoot: options.toolsPath !== undefined ? given(options.toolsPath) : 'registry/tools',
      promptsRoot: options.promptsPath !== undefined ? given(options.promptsPath) : 'registry/prompts',
    };
  }
  const exists = async (path: string) => (await lstat(join(base, path)).catch(() => undefined)) !== undefined;
  if ((await exists('registry/tools')) || (await exists('registry/prompts'))) {
    return { toolsRoot: 'registry/tools', promptsRoot: 'registry/prompts' };
  }
  // `dir` may be the registry folder itself
  if ((await exists('tools')) || (await exists('prompts')))
    return { toolsRoot: 'tools', promptsRoot: 'prompts' };
  return { toolsRoot: 'registry/tools', promptsRoot: 'registry/prompts' };
}

async function walk(
  base: string,
  root: string,
  accept: (path: string) => boolean,
  out: string[],
  findings: Finding[],
): Promise<void> {
  const rootInfo = await lstat(join(base, root)).catch(() => undefined);
  if (!rootInfo) return;
  if (rootInfo.isSymbolicLink()) {
    findings.push(
      refused('symlink-refused', root, 'symbolic links are refused: a link can point outside the registry'),
    );
    return;
  }
  if (!rootInfo.isDirectory()) return;
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    const entries: Dirent[] = await readdir(join(base, folder), { withFileTypes: true });
    for (const entry of entries) {
      const path = `${folder}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        findings.push(
          refused(
            'symlink-refused',
            path,
            'symbolic links are refused: a link can point outside the registry',
          ),
        );
      } else if (entry.isDirectory()) {
        pending.push(path);
      } else if (entry.isFile() && accept(path)) {
        out.push(path);
      }
    }
  }
}

async function readSource(base: string, path: string, findings: Finding[]): Promise<SourceFile | undefined> {
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

function refused(code: string, path: string, message: string): Finding {
  return inputFinding({ code, path, line: 1, message });
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
