import type { ChangedFile } from '../model/types.js';
import type { CatFileSession } from './cat-file-session.js';
import { GitError } from './git-error.js';
import type { TreeEntry } from './tree-entry.js';

/** One entry of a tree object. */
export interface TreeItem {
  name: string;
  /** six digits as ls-tree shows them: 040000 tree, 100644/100755 file, 120000 symlink, 160000 submodule */
  mode: string;
  oid: string;
}

const TREE_MODE = '040000';

/**
 * Parses a raw tree object: `<mode> SP <name> NUL <binary oid>` repeated. Names are bytes in git; they are
 * decoded as UTF-8 like every path we read, so newlines, tabs and quotes pass through untouched.
 */
export function parseTree(content: Buffer, oidBytes: number): TreeItem[] {
  const items: TreeItem[] = [];
  let pos = 0;
  while (pos < content.length) {
    const space = content.indexOf(32, pos);
    const nul = space === -1 ? -1 : content.indexOf(0, space);
    if (space === -1 || nul === -1 || nul + 1 + oidBytes > content.length)
      throw new GitError('failed', 'unexpected git tree object');
    const mode = content.toString('latin1', pos, space);
    if (!/^[0-7]{5,6}$/.test(mode)) throw new GitError('failed', 'unexpected git tree object');
    items.push({
      mode: mode.padStart(6, '0'),
      name: content.toString('utf8', space + 1, nul),
      oid: content.toString('hex', nul + 1, nul + 1 + oidBytes),
    });
    pos = nul + 1 + oidBytes;
  }
  return items;
}

const cache = new WeakMap<CatFileSession, Map<string, Promise<TreeItem[] | null>>>();

/** Reads trees by name (an oid or `<sha>^{tree}`) in one round trip, each tree once per session. */
export function readTrees(session: CatFileSession, names: string[]): Promise<(TreeItem[] | null)[]> {
  let trees = cache.get(session);
  if (!trees) cache.set(session, (trees = new Map()));
  const wanted = [...new Set(names.filter((name) => !trees.has(name)))];
  if (wanted.length > 0) {
    const objects = session.contents(wanted);
    wanted.forEach((name, i) => {
      const tree = objects.then((all) => {
        const object = all[i];
        return object && object.type === 'tree' ? parseTree(object.content, object.oid.length / 2) : null;
      });
      tree.catch(() => undefined); // awaited by the caller; a cached copy must not become an unhandled rejection
      trees.set(name, tree);
    });
  }
  return Promise.all(names.map((name) => trees.get(name) as Promise<TreeItem[] | null>));
}

async function rootTree(session: CatFileSession, sha: string): Promise<string> {
  const [root] = await session.info([`${sha}^{tree}`]);
  if (!root) throw new GitError('missing-commit', `commit ${sha.slice(0, 12)} is not in this clone`);
  return root.oid;
}

/** A literal prefix covers a path like a literal pathspec: itself, or anything below it as a directory. */
function prefixMatcher(prefixes: string[]): {
  covers: (path: string, isTree: boolean) => boolean;
  leadsTo: (dir: string) => boolean;
} {
  const specs = prefixes.map((prefix) => ({
    path: prefix.replace(/\/+$/, ''),
    dirOnly: prefix.endsWith('/'),
  }));
  return {
    covers: (path, isTree) =>
      specs.length === 0 ||
      specs.some((s) => path.startsWith(`${s.path}/`) || (path === s.path && (isTree || !s.dirOnly))),
    leadsTo: (dir) => specs.some((s) => s.path.startsWith(`${dir}/`)),
  };
}

const join = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`);

/**
 * Every file of a commit under the prefixes, like `ls-tree -r -l`, read level by level through the session:
 * only the trees on the way to a prefix and those inside one are read, then one `info` round gives the sizes.
 */
export async function listTreeInSession(
  session: CatFileSession,
  sha: string,
  prefixes: string[],
): Promise<TreeEntry[]> {
  const matcher = prefixMatcher(prefixes);
  const files: { path: string; oid: string; mode: string }[] = [];
  let level = [{ dir: '', oid: await rootTree(session, sha), inside: prefixes.length === 0 }];
  while (level.length > 0) {
    const trees = await readTrees(
      session,
      level.map((node) => node.oid),
    );
    const next: typeof level = [];
    level.forEach((node, i) => {
      for (const item of trees[i] ?? missingTree(node.oid)) {
        const path = join(node.dir, item.name);
        const isTree = item.mode === TREE_MODE;
        const inside = node.inside || matcher.covers(path, isTree);
        if (isTree && (inside || matcher.leadsTo(path))) next.push({ dir: path, oid: item.oid, inside });
        else if (!isTree && inside) files.push({ path, oid: item.oid, mode: item.mode });
      }
    });
    level = next;
  }
  const blobs = files.filter((file) => file.mode !== '160000');
  const infos = await session.info([...new Set(blobs.map((file) => file.oid))]);
  const sizes = new Map(infos.flatMap((info) => (info ? [[info.oid, info.size] as const] : [])));
  const entries = files.map((file) => {
    const size = file.mode === '160000' ? 0 : sizes.get(file.oid);
    if (size === undefined)
      throw new GitError(
        'missing-commit',
        `blob ${file.oid} of ${sha.slice(0, 12)} is missing from this clone`,
      );
    return { ...file, size };
  });
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The files that differ between two commits, found like `git diff --raw` without renames: trees with the same
 * oid on both sides are skipped unread, so the cost follows the change, not the repository.
 */
export async function diffTreesInSession(
  session: CatFileSession,
  baseSha: string,
  headSha: string,
): Promise<ChangedFile[]> {
  const [base, head] = await Promise.all([rootTree(session, baseSha), rootTree(session, headSha)]);
  const changed: ChangedFile[] = [];
  type Pair = { dir: string; a: string | null; b: string | null };
  let level: Pair[] = base === head ? [] : [{ dir: '', a: base, b: head }];
  while (level.length > 0) {
    const names = level.flatMap((pair) => [pair.a, pair.b].filter((oid): oid is string => oid !== null));
    const trees = new Map<string, TreeItem[]>();
    (await readTrees(session, names)).forEach((tree, i) =>
      trees.set(names[i] as string, tree ?? missingTree(names[i] as string)),
    );
    const next: Pair[] = [];
    for (const pair of level) {
      const before = new Map(
        (pair.a === null ? [] : (trees.get(pair.a) ?? [])).map((item) => [item.name, item]),
      );
      const after = new Map(
        (pair.b === null ? [] : (trees.get(pair.b) ?? [])).map((item) => [item.name, item]),
      );
      for (const name of new Set([...before.keys(), ...after.keys()])) {
        const x = before.get(name);
        const y = after.get(name);
        if (x && y && x.oid === y.oid && x.mode === y.mode) continue;
        const path = join(pair.dir, name);
        const xTree = x?.mode === TREE_MODE;
        const yTree = y?.mode === TREE_MODE;
        if (xTree || yTree)
          next.push({ dir: path, a: xTree && x ? x.oid : null, b: yTree && y ? y.oid : null });
        // a file on one side and a directory on the other is a deletion plus additions, as in git diff
        if (x && !xTree && y && !yTree) changed.push({ path, status: 'modified' });
        else if (x && !xTree) changed.push({ path, status: 'deleted' });
        else if (y && !yTree) changed.push({ path, status: 'added' });
      }
    }
    level = next;
  }
  return changed;
}

function missingTree(oid: string): never {
  throw new GitError('missing-commit', `tree ${oid} is missing from this clone`);
}
