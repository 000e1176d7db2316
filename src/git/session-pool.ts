import { BatchCommandUnsupported, CatFileSession } from './cat-file-session.js';

interface Entry {
  session: CatFileSession;
  users: number;
}

const open = new Map<string, Entry>();
/** Learned from the first session git refused; never asked again in this process. */
let batchCommand: 'unknown' | 'supported' | 'unsupported' = 'unknown';

/**
 * Runs `read` on the repository's cat-file session, or `legacy` where git has no `--batch-command` (< 2.36).
 *
 * The session is shared by every read that starts while another is still running or has just finished, and
 * closed once none is left at the end of the event-loop turn. A diff's reads follow each other without other
 * I/O between them, so verifying refs, walking both trees and reading their blobs costs one git process, and
 * callers keep their plain signatures. The capability is learned from the first answer rather than from
 * `git version`: on a current git that costs no process at all.
 */
export async function withSession<T>(
  cwd: string,
  read: (session: CatFileSession) => Promise<T>,
  legacy: () => Promise<T>,
): Promise<T> {
  if (batchCommand === 'unsupported') return legacy();
  const entry = acquire(cwd);
  try {
    const result = await read(entry.session);
    batchCommand = 'supported';
    return result;
  } catch (error) {
    if (!(error instanceof BatchCommandUnsupported)) throw error;
    batchCommand = 'unsupported';
    return legacy();
  } finally {
    release(cwd, entry);
  }
}

/** Forgets what was learned about git (tests that put an old git on PATH). */
export function forgetGitCapabilities(): void {
  batchCommand = 'unknown';
}

/** Whether this process has found `--batch-command` unsupported; for tests and the bench. */
export function usesLegacyGit(): boolean {
  return batchCommand === 'unsupported';
}

function acquire(cwd: string): Entry {
  let entry = open.get(cwd);
  if (!entry || !entry.session.usable) {
    entry = { session: new CatFileSession(cwd), users: 0 };
    open.set(cwd, entry);
  }
  entry.users += 1;
  return entry;
}

function release(cwd: string, entry: Entry): void {
  entry.users -= 1;
  if (entry.users > 0) return;
  // after the callers' continuations (microtasks) have had their chance to start the next read
  setImmediate(() => {
    if (entry.users > 0) return;
    entry.session.close();
    if (open.get(cwd) === entry) open.delete(cwd);
  });
}
