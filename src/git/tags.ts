// Release tags: agentgate/<plane>/v<N>, annotated, one version line per plane.
import { GitError, quoteForMessage } from './git-error.js';
import { identityEnv } from './plumbing.js';
import { checkRefSyntax, checkSha } from './refs.js';
import { runGit } from './run-git.js';

export interface VersionTag {
  name: string;
  version: number;
  /** the commit the tag points at (peeled) */
  commit: string;
  /** an annotated tag (a tag object), not a bare ref to a commit */
  annotated: boolean;
  /** an annotated tag's message (empty for a bare tag) */
  message: string;
}

/** Tags `<prefix>v<N>` (N a positive integer without leading zeros), highest version first. */
export async function listVersionTags(cwd: string, prefix: string): Promise<VersionTag[]> {
  checkRefSyntax(prefix);
  const out = await runGit(cwd, [
    'for-each-ref',
    // one record per tag, ended by a NUL line no message can hold (git strips NUL from messages)
    '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(objecttype)%00%(contents)%00%00',
    `refs/tags/${prefix}`,
  ]);
  const tags: VersionTag[] = [];
  for (const record of out.toString('utf8').split('\0\0\n')) {
    const [name, object, peeled, type, ...message] = record.split('\0');
    if (!name || !object || !name.startsWith(prefix)) continue;
    const match = /^v([1-9][0-9]{0,8})$/.exec(name.slice(prefix.length));
    if (!match) continue;
    tags.push({
      name,
      version: Number(match[1]),
      commit: peeled || object,
      annotated: type === 'tag',
      message: type === 'tag' ? message.join('\0') : '',
    });
  }
  return tags.sort((a, b) => b.version - a.version);
}

/** An annotated tag at `sha`; never moves an existing tag. */
export async function createAnnotatedTag(
  cwd: string,
  name: string,
  sha: string,
  message: string,
): Promise<void> {
  checkRefSyntax(name);
  checkSha(sha);
  const env = await identityEnv(cwd);
  try {
    await runGit(cwd, ['-c', 'tag.gpgSign=false', 'tag', '-a', '-F', '-', name, sha], {
      input: message,
      env,
    });
  } catch (error) {
    if (error instanceof GitError && /already exists/.test(error.message))
      throw new GitError('bad-ref', `tag '${quoteForMessage(name)}' already exists`);
    throw error;
  }
}

/** The empty tree's commit-free stand-in for "no previous release": a fixed commit with the empty tree. */
export async function emptyCommit(cwd: string): Promise<string> {
  const tree = (await runGit(cwd, ['mktree'], { input: '' })).toString('utf8').trim();
  const env = {
    GIT_AUTHOR_NAME: 'agentgate',
    GIT_AUTHOR_EMAIL: 'agentgate@localhost',
    GIT_AUTHOR_DATE: '1970-01-01T00:00:00Z',
    GIT_COMMITTER_NAME: 'agentgate',
    GIT_COMMITTER_EMAIL: 'agentgate@localhost',
    GIT_COMMITTER_DATE: '1970-01-01T00:00:00Z',
  };
  const out = await runGit(cwd, ['commit-tree', tree, '-m', 'agentgate: nothing released yet'], { env });
  return out.toString('utf8').trim();
}
