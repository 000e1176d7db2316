import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { checkPrefix } from './read-tree.js';
import { splitNul } from './parse-raw-diff.js';
import type { ObjectFormat } from './refs.js';
import { topLevel } from './refs.js';
import { runGit } from './run-git.js';

export interface WorktreeFile {
  /** relative to the repository's top level, like every path git reports */
  path: string;
  /** git's mode for what is on disk now: 100644, 100755, 120000 (symlink) or 160000 (submodule) */
  mode: string;
  /** bytes on disk when listed (lstat) */
  size: number;
}

/**
 * Tracked and untracked-but-not-ignored files under the prefixes as they are on disk now; files deleted from
 * the working tree are left out. Modes come from lstat, not the index: a file swapped for a symlink and not
 * yet staged is a symlink.
 */
export async function listWorktreeFiles(cwd: string, prefixes: string[]): Promise<WorktreeFile[]> {
  prefixes.forEach(checkPrefix);
  const root = await topLevel(cwd);
  const out = await runGit(root, [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--',
    ...prefixes,
  ]);
  // an unmerged path is listed once per stage; an untracked nested repository as `dir/`
  const paths = [...new Set(splitNul(out).map((p) => p.replace(/\/$/, '')))].sort();
  const files: WorktreeFile[] = [];
  // synchronous on purpose: for thousands of small files it is several times faster than the thread pool
  for (const path of paths) {
    const stats = lstatOrNull(join(root, path));
    const mode = modeOf(stats);
    if (stats !== null && mode !== null) files.push({ path, mode, size: stats.size });
  }
  return files;
}

/** git's mode for a directory entry; null for what git would not track (gone, a socket, ...). */
export function modeOf(stats: Stats | null): string | null {
  if (stats === null) return null;
  if (stats.isSymbolicLink()) return '120000';
  // a tracked path that is a directory on disk is a submodule's checkout
  if (stats.isDirectory()) return '160000';
  if (!stats.isFile()) return null;
  return (stats.mode & 0o111) !== 0 ? '100755' : '100644';
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** git's blob id of some content, computed in-process: `<hash>("blob <length>\0" + content)`. */
export function blobOid(content: Buffer, format: ObjectFormat): string {
  return createHash(format).update(`blob ${content.length}\0`).update(content).digest('hex');
}
