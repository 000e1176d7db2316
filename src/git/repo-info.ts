import { runGit } from './run-git.js';

/** The directory git keeps its data in (`.git`, or elsewhere for a worktree), absolute. */
export async function gitDir(cwd: string): Promise<string> {
  return (await runGit(cwd, ['rev-parse', '--absolute-git-dir'])).toString('utf8').replace(/\n$/, '');
}

/** The URL of the `origin` remote, or null when there is none. */
export async function originUrl(cwd: string): Promise<string | null> {
  const out = await runGit(cwd, ['config', '--get', 'remote.origin.url'], { acceptExitCodes: [1] });
  const url = out.toString('utf8').trim();
  return url === '' ? null : url;
}
