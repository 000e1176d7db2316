import { CONFIG_PATHS } from '../../model/gate-files.js';
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../load/write-file-atomic.js';
import { dirname, join } from 'node:path';
import { CODEOWNERS_LOCATIONS } from '../../model/gate-files.js';
import { parseConfig } from '../../core/plane/config.js';
import type { Config } from '../../model/types.js';
import { UsageError } from '../../errors.js';

// fatal: a file that is not UTF-8 is refused rather than rewritten with replacement characters
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A regular file's text, null when absent; a symlink or directory is refused (writing through it could leave the repository). */
export function readRegularFile(root: string, path: string): string | null {
  let stats;
  try {
    stats = lstatSync(join(root, path));
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
    )
      return null;
    throw error;
  }
  if (!stats.isFile()) throw new UsageError(`${path}: not a regular file (symbolic links are refused)`);
  try {
    return decoder.decode(readFileSync(join(root, path)));
  } catch {
    throw new UsageError(`${path}: not valid UTF-8`);
  }
}

/** Writes a file under the repository root, creating its folder; refuses to follow a symlink. */
export function writeRepoFile(root: string, path: string, text: string): void {
  readRegularFile(root, path);
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileAtomic(join(root, path), text);
}

/** The working tree's config (defaults when there is none); a config that does not parse is a usage error. */
export function readWorkingConfig(root: string): { config: Config; path: string | null } {
  for (const name of CONFIG_PATHS) {
    const text = readRegularFile(root, name);
    if (text === null) continue;
    const { config, errors } = parseConfig(text, name);
    const first = errors[0];
    if (first) throw new UsageError(first.message);
    return { config, path: name };
  }
  return { config: parseConfig(null, CONFIG_PATHS[0] as string).config, path: null };
}

/** CODEOWNERS as GitHub finds it: the first of .github/, the root, docs/. */
export function readWorkingCodeowners(root: string): { path: string; text: string } | null {
  for (const path of CODEOWNERS_LOCATIONS) {
    const text = readRegularFile(root, path);
    if (text !== null) return { path, text };
  }
  return null;
}
