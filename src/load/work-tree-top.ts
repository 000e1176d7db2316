import { realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * The top level of the git work tree holding `dir` (the nearest folder, `dir` included, with a `.git` folder or
 * file, as a submodule or linked work tree has), or null outside any work tree. Read from the file system, not
 * from git: a deployed runtime may have no git, and the answer must not depend on one.
 */
export async function workTreeTop(dir: string): Promise<string | null> {
  let current = await realpath(resolve(dir)).catch(() => resolve(dir));
  for (;;) {
    const found = await stat(join(current, '.git')).then(
      () => true,
      () => false,
    );
    if (found) return current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
