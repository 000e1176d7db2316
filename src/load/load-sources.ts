// The source files of a work tree on disk (SPEC 2.4): every file a client reads at its default path, found
// without any config, for `validate` and the runtime (a deployed agent may not be a git repository).
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { inputFinding } from '../core/parse/findings.js';
import type { SourceFile } from '../core/parse/source-file.js';
import type { Finding } from '../core/types.js';
import { collectSources, isSourcePath } from '../sources/source-set.js';
import type { SourceCollection } from '../sources/source-set.js';
import { readSource } from './load-registry.js';

/** Folders no client reads its config from, and that hold thousands of files: git's own and installed packages. */
const SKIPPED = new Set(['.git', 'node_modules']);

export interface WorkTreeSources {
  files: SourceFile[];
  /** refused files (links, oversized, not UTF-8) */
  findings: Finding[];
}

export async function readWorkTreeSources(root: string): Promise<WorkTreeSources> {
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
      } else if (isSourcePath(path)) {
        if (entry.isSymbolicLink()) {
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
export async function loadWorkTreeSources(root: string): Promise<SourceCollection> {
  const { files, findings } = await readWorkTreeSources(root);
  const collection = collectSources(files);
  collection.findings.unshift(...findings);
  return collection;
}
