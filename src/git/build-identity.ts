// What git says about the tree a build is made from: its commit, whether it has uncommitted changes, and the
// commit a release tag names. Read once, at build time (scripts/write-build-info.mjs).
import { realpathSync } from 'node:fs';
import { GitError } from './git-error.js';
import { runGit } from './run-git.js';

export type { BuildIdentity } from '../model/build-info.js';
import type { BuildIdentity } from '../model/build-info.js';

/**
 * The commit `root` is at and what the tag `tag` names. A package folder that is not the top of its own
 * repository (a copy unpacked inside another project) has no commit of its own: the outer repository's would lie.
 */
export async function readBuildIdentity(root: string, tag: string): Promise<BuildIdentity> {
  try {
    const top = (await runGit(root, ['rev-parse', '--show-toplevel'])).toString('utf8').replace(/\n$/, '');
    if (realpathSync(top) !== realpathSync(root))
      return { kind: 'no-git', reason: `built inside another git repository (${top})` };
    const head = await revParse(root, 'HEAD^{commit}');
    if (head === null) return { kind: 'no-git', reason: 'the repository has no commit yet' };
    const status = await runGit(root, ['status', '--porcelain', '--untracked-files=normal']);
    const tagCommit = await revParse(root, `refs/tags/${tag}^{commit}`);
    return { kind: 'git', commit: head, dirty: status.length > 0, tagCommit };
  } catch (error) {
    if (error instanceof GitError && (error.kind === 'git-missing' || error.kind === 'not-a-repository'))
      return {
        kind: 'no-git',
        reason: error.kind === 'git-missing' ? 'git was not available' : 'not built from a git clone',
      };
    throw error;
  }
}

async function revParse(cwd: string, name: string): Promise<string | null> {
  const out = await runGit(cwd, ['rev-parse', '--verify', '--quiet', name], { acceptExitCodes: [1, 128] });
  const sha = out.toString('utf8').trim();
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha) ? sha : null;
}
