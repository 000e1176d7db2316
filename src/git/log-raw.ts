import { GitError } from './git-error.js';
import type { CommitMeta as CommitInfo } from '../model/commit.js';
import { splitNul } from './parse-raw-diff.js';
import { checkPrefix } from './read-tree.js';
import { checkSha } from './refs.js';
import { runGit } from './run-git.js';

/** One file a commit changed, against its first parent, with the blob ids on both sides. */
export interface RawChange {
  path: string;
  /** A added, D deleted, M modified, T type changed (renames are split into D + A) */
  status: string;
  srcMode: string;
  dstMode: string;
  /** all zeros when the file did not exist before */
  srcOid: string;
  /** all zeros when the file no longer exists */
  dstOid: string;
}

export interface RawCommit extends CommitInfo {
  changes: RawChange[];
}

export interface RawLogOptions {
  /** only commits after this date, as git's `--since` reads it (callers validate the text) */
  since?: string;
  /** stop at this commit: only commits not reachable from it (a release range) */
  after?: string;
}

// \x01 opens every commit so that the parser can tell a header from the raw lines that follow it.
const FIELDS = ['%x01%H', '%P', '%an', '%ae', '%aI', '%s'];
const RAW_HEADER = /^\n?:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([ACDMRTUX])\d*$/;

/**
 * The first-parent history of a commit restricted to some paths, newest first, each commit with the files it
 * changed against its first parent (merges included) and their blob ids: ONE `git log --raw` process, so a
 * history walk never has to list a tree per commit.
 */
export async function listRawCommits(
  cwd: string,
  sha: string,
  paths: string[],
  options: RawLogOptions = {},
): Promise<RawCommit[]> {
  checkSha(sha);
  if (options.after !== undefined) checkSha(options.after);
  paths.forEach(checkPrefix);
  // eslint-disable-next-line no-control-regex
  if (options.since !== undefined && /[\u0000-\u001f]/.test(options.since)) {
    throw new GitError('failed', 'invalid --since date');
  }
  const out = await runGit(cwd, [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--raw',
    '-z',
    '--no-renames',
    '--no-abbrev',
    '--no-show-signature',
    '--no-color',
    `--format=${FIELDS.join('%x00')}`,
    ...(options.since !== undefined ? [`--since=${options.since}`] : []),
    sha,
    ...(options.after !== undefined ? [`^${options.after}`] : []),
    '--',
    ...paths,
  ]);
  return parseRawLog(out);
}

/** Parses the output of listRawCommits' `git log` call. */
export function parseRawLog(out: Buffer): RawCommit[] {
  const fields = splitNul(out);
  const commits: RawCommit[] = [];
  let i = 0;
  const next = (): string => {
    const field = fields[i++];
    if (field === undefined) throw new GitError('failed', 'truncated git log output');
    return field;
  };
  while (i < fields.length) {
    const first = next();
    if (first === '' && i === fields.length) break;
    if (!first.startsWith('\u0001'))
      throw new GitError('failed', `unexpected git log output: ${first.slice(0, 80)}`);
    const [parents, author, email, date, subject] = [next(), next(), next(), next(), next()];
    const commit: RawCommit = {
      sha: first.slice(1),
      parents: parents === '' ? [] : parents.split(' '),
      author,
      email,
      date,
      subject,
      changes: [],
    };
    while (i < fields.length) {
      const header = fields[i] as string;
      if (header === '') {
        i += 1;
        continue;
      }
      const match = RAW_HEADER.exec(header);
      if (!match) break;
      i += 1;
      const [, srcMode = '', dstMode = '', srcOid = '', dstOid = '', status = ''] = match;
      commit.changes.push({ path: next(), status, srcMode, dstMode, srcOid, dstOid });
    }
    commits.push(commit);
  }
  return commits;
}
