import { checkSha } from './refs.js';
import { runGit } from './run-git.js';

/** The tree id of a commit (for a `base_tree` on GitHub's git data API). */
export async function treeOf(cwd: string, sha: string): Promise<string> {
  checkSha(sha);
  const out = await runGit(cwd, ['rev-parse', '--verify', '--end-of-options', `${sha}^{tree}`]);
  return out.toString('utf8').trim();
}
