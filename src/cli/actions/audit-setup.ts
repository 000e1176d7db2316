import { GitError } from '../../git/git-error.js';
import { verifyRef } from '../../git/refs.js';
import { UsageError } from '../../errors.js';

const DEFAULT_REFS = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'];

/** The ref to audit: the one given, else the default branch as this clone knows it. */
export async function resolveAuditRef(
  cwd: string,
  ref: string | undefined,
): Promise<{ ref: string; sha: string }> {
  if (ref !== undefined) return { ref, sha: await verifyRef(cwd, ref) };
  for (const candidate of DEFAULT_REFS) {
    try {
      return { ref: candidate, sha: await verifyRef(cwd, candidate) };
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
    }
  }
  throw new UsageError(`no default branch found (tried ${DEFAULT_REFS.join(', ')}): pass --ref`);
}

export interface Progress {
  tick(): void;
  done(): void;
}

/** A bar on stderr for people watching a terminal; nothing in CI or when stderr is a file or pipe. */
export function createProgress(total: number, label: string): Progress {
  const enabled = process.stderr.isTTY === true && !process.env.CI && total > 0;
  let count = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((count / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total}`);
  };
  if (enabled) draw();
  return {
    tick() {
      count += 1;
      if (enabled) draw();
    },
    done() {
      if (enabled) process.stderr.write('\r\u001b[2K');
    },
  };
}
