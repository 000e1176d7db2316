import { GitError, quoteForMessage } from './git-error.js';
import { runGit } from './run-git.js';
import { withSession } from './session-pool.js';

export type ObjectFormat = 'sha1' | 'sha256';

const SHALLOW_HINT = 'shallow clone: fetch with fetch-depth: 0';

/**
 * Refuses anything that git could read as an option or as more than one commit. Refs come from users and
 * from CI event payloads, so this runs before git ever sees them.
 */
export function checkRefSyntax(ref: string): void {
  const shown = quoteForMessage(ref);
  const reason =
    ref.length === 0
      ? 'it is empty'
      : ref.startsWith('-')
        ? "it starts with '-'"
        : // eslint-disable-next-line no-control-regex
          /[\u0000-\u001f\u007f]/.test(ref)
          ? 'it contains a control character'
          : /\s/.test(ref)
            ? 'it contains whitespace'
            : ref.includes('..')
              ? "ranges ('..') are not refs"
              : ref.includes(':')
                ? "':' path syntax is not a ref"
                : null;
  if (reason !== null) throw new GitError('bad-ref', `invalid ref '${shown}': ${reason}`);
}

/** Callers pass shas from verifyRef; anything else is a programming error, never an option for git. */
export function checkSha(sha: string): void {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha))
    throw new GitError('bad-ref', `not a full commit id: '${sha.slice(0, 80)}'`);
}

/** Resolves a user-given ref to the full sha of the commit it names. */
export async function verifyRef(cwd: string, ref: string): Promise<string> {
  checkRefSyntax(ref);
  const sha = await resolveCommit(cwd, ref);
  if (sha !== null) return sha;
  const shown = quoteForMessage(ref);
  if (await isShallow(cwd)) {
    const what = /^[0-9a-f]{4,64}$/i.test(ref) ? `commit ${shown}` : `ref '${shown}'`;
    throw new GitError('shallow', `${what} is not in this clone (${SHALLOW_HINT})`);
  }
  throw new GitError('bad-ref', `unknown ref '${shown}'`);
}

/** The commit a syntactically checked ref names, or null when there is none. */
async function resolveCommit(cwd: string, ref: string): Promise<string | null> {
  // a tree or a blob does not peel to a commit: both ways answer "none" for it
  return withSession(
    cwd,
    async (session) => (await session.info([`${ref}^{commit}`]))[0]?.oid ?? null,
    async () => {
      // `--quiet` makes a missing ref a bare exit 1; a missing repository still fails loudly
      const out = await runGit(
        cwd,
        ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
        { acceptExitCodes: [1] },
      );
      const sha = out.toString('utf8').trim();
      return sha.length > 0 ? sha : null;
    },
  );
}

export async function isShallow(cwd: string): Promise<boolean> {
  const out = await runGit(cwd, ['rev-parse', '--is-shallow-repository']);
  return out.toString('utf8').trim() === 'true';
}

export async function headSha(cwd: string): Promise<string> {
  const sha = await resolveCommit(cwd, 'HEAD');
  if (sha === null) throw new GitError('bad-ref', `the repository in ${cwd} has no commits yet`);
  return sha;
}

export async function objectFormat(cwd: string): Promise<ObjectFormat> {
  const out = (await runGit(cwd, ['rev-parse', '--show-object-format'])).toString('utf8').trim();
  return out === 'sha256' ? 'sha256' : 'sha1';
}

/** The repository's top-level directory: paths from git are relative to it. */
export async function topLevel(cwd: string): Promise<string> {
  return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).toString('utf8').replace(/\n$/, '');
}

interface Candidate {
  ref: string;
  full: string;
}

const FALLBACKS: Candidate[] = [
  { ref: 'origin/main', full: 'refs/remotes/origin/main' },
  { ref: 'origin/master', full: 'refs/remotes/origin/master' },
  { ref: 'main', full: 'refs/heads/main' },
  { ref: 'master', full: 'refs/heads/master' },
];

/**
 * The default base for a diff: where HEAD forked from the default branch. On the default branch itself with
 * no remote, that is HEAD: the last commit is the base and the working tree is what gets judged.
 */
export async function findDefaultBase(cwd: string): Promise<{ ref: string; sha: string }> {
  const head = await headSha(cwd);
  const candidates = [...(await originHead(cwd)), ...FALLBACKS];
  for (const candidate of candidates) {
    const sha = await resolveCommit(cwd, candidate.full);
    if (sha === null) continue;
    const base = await mergeBase(cwd, head, sha, candidate.ref);
    if (base === null) continue;
    const onIt = (await symbolicRef(cwd, 'HEAD')) === candidate.full;
    return { ref: onIt ? 'HEAD' : candidate.ref, sha: base };
  }
  const hint = (await isShallow(cwd)) ? ` (${SHALLOW_HINT})` : '';
  throw new GitError(
    'bad-ref',
    `no default branch to compare with (tried origin/HEAD, origin/main, origin/master, main, master): pass --base REF${hint}`,
  );
}

async function originHead(cwd: string): Promise<Candidate[]> {
  const target = await symbolicRef(cwd, 'refs/remotes/origin/HEAD');
  if (target === null || !target.startsWith('refs/remotes/')) return [];
  return [{ ref: target.slice('refs/remotes/'.length), full: target }];
}

/** The short name of the checked-out branch; null on a detached HEAD. */
export async function currentBranch(cwd: string): Promise<string | null> {
  const out = await runGit(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { acceptExitCodes: [1] });
  return out.toString('utf8').trim() || null;
}

/** The ref a symbolic ref points at; null when it is missing or not symbolic (a detached HEAD). */
async function symbolicRef(cwd: string, name: string): Promise<string | null> {
  const out = await runGit(cwd, ['symbolic-ref', '-q', name], { acceptExitCodes: [1] });
  return out.toString('utf8').trim() || null;
}

/** The fork point of two verified commits; null for unrelated histories (a shallow clone cut-off is an error). */
export async function mergeBase(cwd: string, a: string, b: string, label = b): Promise<string | null> {
  checkSha(a);
  checkSha(b);
  const out = (await runGit(cwd, ['merge-base', a, b], { acceptExitCodes: [1] })).toString('utf8').trim();
  if (out.length > 0) return out;
  // unrelated histories, or the fork point is cut off by a shallow clone
  if (await isShallow(cwd))
    throw new GitError(
      'shallow',
      `no merge-base of ${a.slice(0, 12)} and ${label} in this clone (${SHALLOW_HINT})`,
    );
  return null;
}
