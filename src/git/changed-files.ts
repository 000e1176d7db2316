import type { ChangedFile, FileStatus } from '../model/types.js';
import { parseRawDiff, splitNul } from './parse-raw-diff.js';
import type { RawDiffEntry } from './parse-raw-diff.js';
import { checkSha, topLevel } from './refs.js';
import { runGit } from './run-git.js';
import { withSession } from './session-pool.js';
import { diffTreesInSession } from './tree-walk.js';

const DIFF_ARGS = [
  'diff',
  '--raw',
  '-z',
  '-M',
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '--no-relative',
];

/**
 * The files that differ between two commits, or between a commit and the working tree (headSha null):
 * tracked changes, staged or not, plus untracked files that are not ignored, as added.
 */
export async function listChangedFiles(
  cwd: string,
  baseSha: string,
  headSha: string | null,
): Promise<ChangedFile[]> {
  checkSha(baseSha);
  if (headSha !== null) checkSha(headSha);
  if (headSha !== null) {
    let byGit = false;
    const diff = async (): Promise<ChangedFile[]> => {
      byGit = true;
      return parseRawDiff(await runGit(cwd, [...DIFF_ARGS, baseSha, headSha, '--'])).map(toChangedFile);
    };
    const files = await withSession(cwd, (session) => diffTreesInSession(session, baseSha, headSha), diff);
    // only a file deleted on one side and added on the other can be a rename: then git's -M decides
    const renamePossible =
      files.some((file) => file.status === 'deleted') && files.some((file) => file.status === 'added');
    return sortByPath(renamePossible && !byGit ? await diff() : files);
  }
  // ls-files prints paths relative to where it runs; from the top level they match diff's
  const root = await topLevel(cwd);
  const [diff, untracked] = await Promise.all([
    runGit(root, [...DIFF_ARGS, baseSha, '--']),
    runGit(root, ['ls-files', '-z', '--others', '--exclude-standard']),
  ]);
  const files = parseRawDiff(diff).map(toChangedFile);
  const seen = new Set(files.map((f) => f.path));
  for (const path of splitNul(untracked)) {
    if (!seen.has(path)) files.push({ path, status: 'added' });
  }
  return sortByPath(files);
}

function toChangedFile(entry: RawDiffEntry): ChangedFile {
  if (entry.status === 'R' && entry.oldPath !== undefined) {
    return { path: entry.path, status: 'renamed', oldPath: entry.oldPath };
  }
  return { path: entry.path, status: STATUS[entry.status] ?? 'modified' };
}

// T (type change), U (unmerged) and X are modifications as far as a reviewer is concerned; a copy adds a file
const STATUS: Record<string, FileStatus> = { A: 'added', C: 'added', D: 'deleted', M: 'modified' };

function sortByPath(files: ChangedFile[]): ChangedFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
