// The source files of a work tree on disk: every file the config's source lookup claims, as the diff
// claims it, for `validate` and the runtime (a deployed agent may not be a git repository).
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { refusedCharacterOf, refusedPathFinding } from '../model/paths.js';
import { inputFinding } from '../parse/findings.js';
import type { SourceFile } from '../model/source-file.js';
import type { Finding } from '../model/types.js';
import type { SourceLookup } from '../sources/lookup.js';
import { collectSources } from '../sources/source-set.js';
import type { SourceCollection } from '../sources/source-set.js';
import { readSource } from './load-registry.js';

/** Folders no client reads its config from, and that hold thousands of files: git's own and installed packages. */
const SKIPPED = new Set(['.git', 'node_modules']);

export interface WorkTreeSources {
  files: SourceFile[];
  /** refused files (links, oversized, not UTF-8) */
  findings: Finding[];
}

export async function readWorkTreeSources(root: string, sourceOf: SourceLookup): Promise<WorkTreeSources> {
  const findings: Finding[] = [];
  const paths: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(join(root, folder), { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing in it can be read by a client either
    }
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) pending.push(path);
      } else if (sourceOf(path) !== undefined) {
        // a refused name is never opened: it may not even be the name on disk (bytes that are not UTF-8)
        const character = refusedCharacterOf(path);
        if (character !== undefined) findings.push(refusedPathFinding(path, character));
        else if (entry.isSymbolicLink()) {
          findings.push(
            inputFinding({
              code: 'symlink-refused',
              path,
              line: 1,
              message: 'symbolic links are refused: a link can point outside the repository',
            }),
          );
        } else if (entry.isFile()) paths.push(path);
      }
    }
  }
  paths.sort();
  const files: SourceFile[] = [];
  for (const path of paths) {
    const file = await readSource(root, path, findings);
    if (file) files.push(file);
  }
  return { files, findings };
}

/** The parsed sources of a work tree, refusals among the findings. */
export async function loadWorkTreeSources(root: string, sourceOf: SourceLookup): Promise<SourceCollection> {
  const { files, findings } = await readWorkTreeSources(root, sourceOf);
  const collection = collectSources(files, sourceOf);
  collection.findings.unshift(...findings);
  return collection;
}
