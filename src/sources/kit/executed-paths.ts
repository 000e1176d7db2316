// The repository files a command line runs: `${CLAUDE_PLUGIN_ROOT}/hooks/check.sh`, `node ./mcp/index.js`,
// `python scripts/lint.py`. A client resolves a relative word from a folder this code cannot always know (the
// project root, the config's own folder), so every base a client may use gives a candidate: a candidate that names
// no file costs nothing, a missed one lets a script change unseen.
import type { ExecutedFile, Radius, SourceRef } from '../../model/types.js';

/** Where the words of one command line are resolved. */
export interface CommandBases {
  /** folders (repository-relative, '' = root) a relative word may be resolved from */
  relative: readonly string[];
  /** variables the client expands, each to a repository folder (`CLAUDE_PLUGIN_ROOT`, `workspaceFolder`) */
  variables?: Readonly<Record<string, string>>;
}

const SCRIPT = /\.(?:sh|bash|zsh|fish|py|js|mjs|cjs|ts|mts|cts|ps1|psm1|rb|pl|php|cmd|bat|lua|jar|exe)$/iu;
const SEPARATORS = /;|&&|\|\||\||\n/u;

/** Splits a command line into words: quotes grouped, operators dropped (`a && b` runs both). */
export function commandWords(line: string): string[] {
  const words: string[] = [];
  for (const part of line.split(SEPARATORS)) {
    for (const match of part.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/gu))
      words.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return words.map((word) => word.replace(/\\(.)/gu, '$1'));
}

/** The repository paths a command's words may name, resolved against every base. */
export function executedPaths(words: readonly string[], bases: CommandBases): string[] {
  const out = new Set<string>();
  for (const raw of words) {
    const word = raw.includes('=') && raw.startsWith('-') ? raw.slice(raw.indexOf('=') + 1) : raw;
    if (word === '' || word.startsWith('-') || word.includes('://')) continue;
    for (const candidate of resolveWord(word, bases)) out.add(candidate);
  }
  return [...out].sort();
}

function resolveWord(word: string, bases: CommandBases): string[] {
  const expanded = expandVariables(word, bases.variables ?? {});
  if (expanded === undefined) return [];
  const { text, from } = expanded;
  if (from === undefined && !text.includes('/') && !SCRIPT.test(text)) return [];
  if (/[$*?~`]/u.test(text) || text.startsWith('/')) return [];
  const roots = from === undefined ? bases.relative : [from];
  const out: string[] = [];
  for (const root of roots) {
    const path = normalize(root === '' ? text : `${root}/${text}`);
    if (path !== undefined && path !== '') out.push(path);
  }
  return out;
}

/**
 * `${VAR}` / `$VAR` / `${/}` expanded; the word resolves from the folder of the variable that starts it. A word
 * holding a variable the client does not document (an environment value) names no repository file: undefined.
 */
function expandVariables(
  word: string,
  variables: Readonly<Record<string, string>>,
): { text: string; from?: string } | undefined {
  let from: string | undefined;
  let unknown = false;
  const text = word
    .replace(/\$\{\/\}/gu, '/')
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/gu, (whole, a, b, offset: number) => {
      const name = (a ?? b) as string;
      const folder = Object.hasOwn(variables, name) ? variables[name] : undefined;
      if (folder === undefined) {
        unknown = true;
        return whole;
      }
      if (offset === 0) from = folder;
      return '';
    });
  if (unknown) return undefined;
  return from === undefined ? { text } : { text: text.replace(/^\/+/u, ''), from };
}

/** `a/./b/../c` -> `a/c`; undefined when it climbs out of the repository. */
export function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  const joined = out.join('/');
  return path.endsWith('/') && joined !== '' ? `${joined}/` : joined;
}

/** The folder a file sits in ('' at the root). */
export function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/**
 * The project a client config belongs to: the folder holding its client's dot-folder (`.cursor/hooks.json` ->
 * '', `app/.kiro/settings/mcp.json` -> `app`), else the file's own folder.
 */
export function projectOf(path: string): string {
  const segments = path.split('/').slice(0, -1);
  const dot = segments.findIndex((segment) => segment.startsWith('.'));
  return (dot < 0 ? segments : segments.slice(0, dot)).join('/');
}

/** One executed file per path a command line names. */
export function executablesOf(
  command: string | readonly string[],
  bases: CommandBases,
  radius: Radius,
  by: string,
  source: SourceRef,
): ExecutedFile[] {
  const words = typeof command === 'string' ? commandWords(command) : command;
  return executedPaths(words, bases).map((path) => ({ path, radius, by, source }));
}
