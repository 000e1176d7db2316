import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const CONFIG_NAMES = ['agentgate.yaml', 'agentgate.yml'];

export interface FoundConfig {
  /** where the file is, as the user should see it (relative to cwd when inside it) */
  path: string;
  text: string;
}

/**
 * The working tree's `agentgate.yaml`, looked up from `cwd` towards the repository root (the first folder that
 * holds `.git`), so that a command run in a sub-folder of the repository is judged by the repository's bounds.
 * Outside a repository only `cwd` itself is looked at: a stray config higher up is not this project's.
 */
export async function findRepoConfig(cwd: string): Promise<FoundConfig | null> {
  let dir = cwd;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text !== null) return { path: relative(cwd, file) || name, text };
    }
    const isRoot = await stat(join(dir, '.git')).then(
      () => true,
      () => false,
    );
    const parent = dirname(dir);
    if (isRoot || parent === dir) return null;
    if (dir === cwd && !(await insideRepository(parent))) return null;
    dir = parent;
  }
}

async function insideRepository(start: string): Promise<boolean> {
  let dir = start;
  for (;;) {
    const found = await stat(join(dir, '.git')).then(
      () => true,
      () => false,
    );
    if (found) return true;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}
