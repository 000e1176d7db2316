// The client source files at a commit or in the working tree, found by the config's source lookup (the
// diff's): the list of the whole tree is cheap, and only the files a client reads are then opened.
import { parseSnapshot } from '../core/plane/parse-snapshot.js';
import { DEFAULT_CONFIG } from '../core/plane/config.js';
import type { Finding } from '../model/types.js';
import { listTree } from '../git/read-tree.js';
import { readSnapshot } from '../git/snapshot.js';
import { listWorktreeFiles } from '../git/worktree.js';
import type { SourceLookup } from '../sources/lookup.js';
import { collectSources } from '../sources/source-set.js';
import type { SourceCollection } from '../sources/source-set.js';
import { MAX_MANIFEST_BYTES } from './compute-diff.js';

/** The parsed sources at `sha` (null: the working tree), refused files (links, oversized) among the findings. */
export async function readSourcesAt(
  cwd: string,
  sha: string | null,
  sourceOf: SourceLookup,
): Promise<SourceCollection> {
  const paths = await listSourcePaths(cwd, sha, sourceOf);
  if (paths.length === 0) return collectSources([], sourceOf);
  const snapshot = await readSnapshot(cwd, sha, {
    prefixes: paths,
    extraPaths: [],
    maxBytes: MAX_MANIFEST_BYTES,
  });
  const isSource = (path: string) => sourceOf(path) !== undefined;
  const collection = collectSources(
    snapshot.files.filter((file) => isSource(file.path)),
    sourceOf,
  );
  collection.findings.unshift(...refusals(snapshot.refused.filter((file) => isSource(file.path))));
  return collection;
}

function refusals(refused: Parameters<typeof parseSnapshot>[1]): Finding[] {
  // no plane role for these paths, so the snapshot parser reports the refusal alone
  return parseSnapshot([], refused, { ...DEFAULT_CONFIG, planes: { ...DEFAULT_CONFIG.planes } }).registry
    .findings;
}

/** The paths of the source files at `sha` (null: the working tree, untracked files included), sorted. */
export async function listSourcePaths(
  cwd: string,
  sha: string | null,
  sourceOf: SourceLookup,
): Promise<string[]> {
  const listed =
    sha === null
      ? (await listWorktreeFiles(cwd, [])).map((file) => file.path)
      : (await listTree(cwd, sha, [])).map((entry) => entry.path);
  return listed.filter((path) => sourceOf(path) !== undefined).sort();
}
