import { GitError, quoteForMessage } from './git-error.js';
import { checkPrefix } from './read-tree.js';
import { splitNul } from './parse-raw-diff.js';
import { runGit } from './run-git.js';

export interface CommitInfo {
  sha: string;
  parents: string[];
  author: string;
  email: string;
  /** author date, strict ISO 8601 */
  date: string;
  subject: string;
}

const FIELDS = ['%H', '%P', '%an', '%ae', '%aI', '%s'];

/**
 * The commits in a revision range (e.g. `['base..head']`, `['HEAD']`; empty: HEAD) that touch the given paths,
 * newest first, from one `git log` call.
 */
export async function listCommits(cwd: string, range: string[], paths: string[]): Promise<CommitInfo[]> {
  range.forEach(checkRangeItem);
  paths.forEach(checkPrefix);
  const out = await runGit(cwd, [
    'log',
    '-z',
    `--format=${FIELDS.join('%x00')}`,
    '--no-show-signature',
    '--no-color',
    '--end-of-options',
    ...(range.length > 0 ? range : ['HEAD']),
    '--',
    ...paths,
  ]);
  const fields = splitNul(out);
  // -z ends every commit with a NUL, so the last one leaves an empty field behind
  if (fields.length % FIELDS.length === 1 && fields[fields.length - 1] === '') fields.pop();
  if (fields.length % FIELDS.length !== 0) throw new GitError('failed', 'unexpected git log output');
  const commits: CommitInfo[] = [];
  for (let i = 0; i < fields.length; i += FIELDS.length) {
    const [sha = '', parents = '', author = '', email = '', date = '', subject = ''] = fields.slice(
      i,
      i + FIELDS.length,
    );
    commits.push({ sha, parents: parents === '' ? [] : parents.split(' '), author, email, date, subject });
  }
  return commits;
}

/** A revision or range (`a..b`, `a...b`, `^a`): never an option, never whitespace or path syntax. */
function checkRangeItem(item: string): void {
  // eslint-disable-next-line no-control-regex
  if (item.length === 0 || item.startsWith('-') || /[\s\u0000-\u001f\u007f:]/.test(item)) {
    throw new GitError('bad-ref', `invalid revision range '${quoteForMessage(item)}'`);
  }
}
