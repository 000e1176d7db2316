import { objectFormat } from './refs.js';
import { runGit } from './run-git.js';

/**
 * The default branch as this clone knows it: where `origin/HEAD` points (`main` for `refs/remotes/origin/main`),
 * else the checked-out branch; null on a detached HEAD with no origin/HEAD.
 */
export async function defaultBranch(cwd: string): Promise<{ ref: string; branch: string } | null> {
  const origin = await symbolic(cwd, 'refs/remotes/origin/HEAD');
  if (origin?.startsWith('refs/remotes/origin/'))
    return { ref: origin, branch: origin.slice('refs/remotes/origin/'.length) };
  const head = await symbolic(cwd, 'HEAD');
  if (head?.startsWith('refs/heads/')) return { ref: 'HEAD', branch: head.slice('refs/heads/'.length) };
  return null;
}

async function symbolic(cwd: string, name: string): Promise<string | null> {
  const out = await runGit(cwd, ['symbolic-ref', '-q', name], { acceptExitCodes: [1] });
  return out.toString('utf8').trim() || null;
}

/** The empty tree's id in this repository's object format: the base of a diff that lists a whole commit. */
export async function emptyTree(cwd: string): Promise<string> {
  return (await objectFormat(cwd)) === 'sha256'
    ? '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321'
    : '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
}
