import { runGit } from './run-git.js';

export type DefaultBranch =
  { kind: 'found'; branch: string; from: 'origin/HEAD' | 'the current branch' } | { kind: 'unknown' };

/**
 * The repository's default branch as this clone knows it: what `origin/HEAD` names (set by clone, or by
 * `git remote set-head origin --auto`), else the branch checked out. A detached HEAD with no origin/HEAD is unknown.
 */
export async function findDefaultBranch(cwd: string): Promise<DefaultBranch> {
  const origin = await symbolic(cwd, 'refs/remotes/origin/HEAD');
  if (origin?.startsWith('refs/remotes/origin/') && origin.length > 'refs/remotes/origin/'.length)
    return { kind: 'found', branch: origin.slice('refs/remotes/origin/'.length), from: 'origin/HEAD' };
  const head = await symbolic(cwd, 'HEAD');
  if (head?.startsWith('refs/heads/') && head.length > 'refs/heads/'.length)
    return { kind: 'found', branch: head.slice('refs/heads/'.length), from: 'the current branch' };
  return { kind: 'unknown' };
}

async function symbolic(cwd: string, name: string): Promise<string | null> {
  const out = await runGit(cwd, ['symbolic-ref', '-q', name], { acceptExitCodes: [1] });
  return out.toString('utf8').trim() || null;
}
