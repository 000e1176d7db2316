import { checkSha } from './refs.js';
import { GitError, quoteForMessage } from './git-error.js';
import { runGit } from './run-git.js';
import { withSession } from './session-pool.js';
import type { TreeEntry } from './tree-entry.js';
import { listTreeInSession } from './tree-walk.js';

export type { TreeEntry } from './tree-entry.js';

/**
 * Every file of a commit under the given literal prefixes (directories like `registry/tools` or single files
 * like `agentgate.yaml`), with sizes, through the repository's cat-file session (`ls-tree` on a git without
 * `--batch-command`). No prefixes: the whole tree.
 */
export async function listTree(cwd: string, sha: string, prefixes: string[]): Promise<TreeEntry[]> {
  checkSha(sha);
  prefixes.forEach(checkPrefix);
  return withSession(
    cwd,
    (session) => listTreeInSession(session, sha, prefixes),
    async () =>
      parseLsTree(await runGit(cwd, ['ls-tree', '-r', '-l', '-z', '--full-tree', sha, '--', ...prefixes])),
  );
}

/** A prefix is a path inside the repository, never an option and never empty. */
export function checkPrefix(prefix: string): void {
  // eslint-disable-next-line no-control-regex
  if (prefix.length === 0 || prefix.startsWith('-') || /[\u0000\n]/.test(prefix)) {
    throw new GitError('failed', `invalid path prefix '${quoteForMessage(prefix)}'`);
  }
}

/** `<mode> SP <type> SP <oid> SP+ <size> TAB <path>` NUL, the size right-aligned and `-` for non-blobs. */
export function parseLsTree(out: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf(0, start);
    if (end === -1) end = out.length;
    const tab = out.indexOf(9, start);
    if (tab === -1 || tab > end) throw new GitError('failed', 'unexpected git ls-tree output');
    const meta = /^(\d{6}) (\w+) ([0-9a-f]+) +(\d+|-)$/.exec(out.toString('latin1', start, tab));
    if (!meta) throw new GitError('failed', 'unexpected git ls-tree output');
    const [, mode = '', , oid = '', size = '-'] = meta;
    entries.push({
      path: out.toString('utf8', tab + 1, end),
      oid,
      mode,
      size: size === '-' ? 0 : Number(size),
    });
    start = end + 1;
  }
  return entries;
}
