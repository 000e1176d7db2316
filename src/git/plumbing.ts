// Writing commits without a checkout: blobs, a tree built in a throw-away index, a commit and a new ref. HEAD,
// the user's index and the work tree are never touched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError, quoteForMessage } from './git-error.js';
import { checkRefSyntax, checkSha, objectFormat } from './refs.js';
import { runGit } from './run-git.js';

export interface TreeEdit {
  path: string;
  /** null deletes the path */
  entry: { mode: string; oid: string } | null;
}

/** Stores each text as a blob, all in one `hash-object` process, and returns their ids in order. */
export async function writeBlobs(cwd: string, texts: string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'agentgate-blobs-'));
  try {
    const files = texts.map((text, i) => {
      const file = join(dir, String(i));
      writeFileSync(file, text);
      return file;
    });
    const out = await runGit(cwd, ['hash-object', '-w', '--no-filters', '--stdin-paths'], {
      input: `${files.join('\n')}\n`,
    });
    const oids = out.toString('utf8').trim().split('\n');
    if (oids.length !== texts.length)
      throw new GitError('failed', 'git hash-object returned the wrong count');
    return oids;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Mode and blob id of each path at a commit (one `ls-tree`); a path absent there is left out. */
export async function treeEntries(
  cwd: string,
  sha: string,
  paths: string[],
): Promise<Map<string, { mode: string; oid: string }>> {
  checkSha(sha);
  const out = new Map<string, { mode: string; oid: string }>();
  if (paths.length === 0) return out;
  const listed = await runGit(cwd, ['ls-tree', '-z', '--full-tree', sha, '--', ...paths]);
  for (const record of listed.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, , oid] = record.slice(0, tab).split(' ');
    if (mode && oid) out.set(record.slice(tab + 1), { mode, oid });
  }
  return out;
}

/** The tree of `baseSha` with the edits applied, built in a temporary index file. */
export async function writeTree(cwd: string, baseSha: string, edits: TreeEdit[]): Promise<string> {
  checkSha(baseSha);
  const zero = '0'.repeat((await objectFormat(cwd)) === 'sha256' ? 64 : 40);
  const dir = mkdtempSync(join(tmpdir(), 'agentgate-index-'));
  const env = { GIT_INDEX_FILE: join(dir, 'index') };
  try {
    await runGit(cwd, ['read-tree', baseSha], { env });
    const lines = edits.map((edit) => {
      if (/[\0]/.test(edit.path))
        throw new GitError('failed', `path holds NUL: ${quoteForMessage(edit.path)}`);
      return edit.entry === null
        ? `0 ${zero}\t${edit.path}\0`
        : `${edit.entry.mode} ${edit.entry.oid}\t${edit.path}\0`;
    });
    if (lines.length > 0)
      await runGit(cwd, ['update-index', '-z', '--index-info'], { input: lines.join(''), env });
    return (await runGit(cwd, ['write-tree'], { env })).toString('utf8').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FALLBACK_IDENTITY = {
  GIT_AUTHOR_NAME: 'agentgate',
  GIT_AUTHOR_EMAIL: 'agentgate@localhost',
  GIT_COMMITTER_NAME: 'agentgate',
  GIT_COMMITTER_EMAIL: 'agentgate@localhost',
};

/** The user's identity when git has one; otherwise agentgate's own, so CI without `user.name` still works. */
export async function identityEnv(cwd: string): Promise<Record<string, string>> {
  const out = await runGit(cwd, ['var', 'GIT_COMMITTER_IDENT'], { acceptExitCodes: [128] }).catch(() => null);
  return out && out.length > 0 ? {} : FALLBACK_IDENTITY;
}

export async function commitTree(
  cwd: string,
  tree: string,
  parent: string,
  message: string,
): Promise<string> {
  checkSha(parent);
  const env = await identityEnv(cwd);
  const out = await runGit(cwd, ['commit-tree', tree, '-p', parent, '-F', '-'], { input: message, env });
  return out.toString('utf8').trim();
}

/** Creates refs/heads/<branch> at `sha`; refuses to move an existing branch unless `force`. */
export async function createBranch(cwd: string, branch: string, sha: string, force: boolean): Promise<void> {
  checkRefSyntax(branch);
  checkSha(sha);
  const valid = await runGit(cwd, ['check-ref-format', '--branch', branch], {
    acceptExitCodes: [1, 128],
  }).catch(() => null);
  if (valid === null || valid.length === 0)
    throw new GitError('bad-ref', `invalid branch name '${quoteForMessage(branch)}'`);
  const zero = '0'.repeat(sha.length);
  const args = ['update-ref', '-m', 'agentgate split', `refs/heads/${branch}`, sha];
  try {
    await runGit(cwd, force ? args : [...args, zero]);
  } catch (error) {
    if (!force && error instanceof GitError)
      throw new GitError(
        'bad-ref',
        `branch '${quoteForMessage(branch)}' already exists (pass --force to move it)`,
      );
    throw error;
  }
}
