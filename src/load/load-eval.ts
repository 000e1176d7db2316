import { lstat, readFile, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { computeEvalDelta } from '../core/eval/compute-delta.js';
import { EvalResultsError } from '../core/eval/errors.js';
import { parseEvalResultsText } from '../core/eval/parse-results.js';
import type { EvalDelta } from '../model/eval.js';
import type { EvalConfig } from '../model/types.js';
import { readSnapshot } from '../git/snapshot.js';

const MAX_RESULTS_BYTES = 256 * 1024 * 1024;

/** Why the head's results were not read although a file was there. */
export interface EvalResultsDistrust {
  path: string;
  message: string;
}

export type EvalLoad =
  { delta: EvalDelta; distrust: EvalResultsDistrust | null } | { invalid: EvalResultsError } | null;

/**
 * The data plane's behavioural verdict when `planes.data.eval` is configured. The head's results are trusted
 * only as the CI job wrote them into the working tree, never as a file the pull request committed (a PR could
 * commit its own 100% pass rate): when the PR changed the committed file at the results path, or the working
 * file is that committed file byte for byte, or is reached through a symbolic link, the head has no results
 * and the verdict is pending, with the reason. The baseline is `eval.baseline` (or `eval.results`) as
 * committed on the base. Results that cannot be read are returned as such, to fail the data plane only.
 */
export async function loadEvalDelta(
  cwd: string,
  config: EvalConfig,
  baseSha: string,
  headSha: string | null,
): Promise<EvalLoad> {
  if (config.results === undefined) return null;
  const resultsPath = config.results;
  const basePath = config.baseline ?? resultsPath;
  const [working, base, committedHead, committedBase] = await Promise.all([
    readWorkingFile(cwd, resultsPath),
    readCommitted(cwd, baseSha, basePath).then((entry) => (entry?.kind === 'file' ? entry.text : null)),
    headSha ? readCommitted(cwd, headSha, resultsPath) : null,
    headSha ? readCommitted(cwd, baseSha, resultsPath) : null,
  ]);
  const distrust = distrustOf(
    resultsPath,
    working,
    headSha === null ? null : { committedHead, committedBase },
  );
  const head = distrust === null && working.kind === 'file' ? working.text : null;
  const bounds = { maxPassRateDrop: config.maxPassRateDrop, minPassRate: config.minPassRate };
  try {
    const baseRun = base ? parseEvalResultsText(base, basePath) : null;
    const headRun = head ? parseEvalResultsText(head, resultsPath) : null;
    return { delta: computeEvalDelta(baseRun, headRun, bounds), distrust };
  } catch (error) {
    if (error instanceof EvalResultsError) return { invalid: error };
    throw error;
  }
}

type WorkingFile = { kind: 'absent' } | { kind: 'file'; text: string } | { kind: 'refused'; reason: string };

function distrustOf(
  path: string,
  working: WorkingFile,
  committed: { committedHead: CommittedEntry | null; committedBase: CommittedEntry | null } | null,
): EvalResultsDistrust | null {
  if (working.kind === 'refused')
    return { path, message: `eval results at ${path} not read: ${working.reason}` };
  if (committed === null) return null; // the head is the working tree itself (a local diff)
  const { committedHead, committedBase } = committed;
  if (committedHead !== null && !sameEntry(committedHead, committedBase)) {
    return {
      path,
      message: `eval results at ${path} are committed in the pull request: the head's results are trusted only as the CI job writes them, so the data plane waits for them (remove the file from the PR)`,
    };
  }
  if (working.kind === 'file' && committedHead?.kind === 'file' && working.text === committedHead.text) {
    return {
      path,
      message: `eval results at ${path} are the committed file, not results the CI job wrote: the data plane waits for them`,
    };
  }
  return null;
}

/** The file CI wrote; a symbolic link anywhere on its path (which a PR can commit) is refused, never followed. */
async function readWorkingFile(cwd: string, path: string): Promise<WorkingFile> {
  const full = resolve(cwd, path);
  const info = await lstat(full).catch(() => null);
  if (info === null) return { kind: 'absent' };
  if (!info.isFile()) return { kind: 'refused', reason: 'it is not a regular file (a symbolic link?)' };
  try {
    const [real, root] = await Promise.all([realpath(full), realpath(cwd)]);
    if (real !== resolve(root, path))
      return { kind: 'refused', reason: 'it is reached through a symbolic link' };
    return { kind: 'file', text: await readFile(real, 'utf8') };
  } catch (error) {
    return { kind: 'refused', reason: error instanceof Error ? error.message : String(error) };
  }
}

type CommittedEntry = { kind: 'file'; text: string } | { kind: 'refused'; reason: string };

const sameEntry = (a: CommittedEntry, b: CommittedEntry | null): boolean =>
  b !== null &&
  a.kind === b.kind &&
  (a.kind === 'file'
    ? a.text === (b as { text: string }).text
    : a.reason === (b as { reason: string }).reason);

/** What is committed at a path: its text, or the refusal of a symbolic link or a huge file. */
async function readCommitted(cwd: string, sha: string, path: string): Promise<CommittedEntry | null> {
  const snapshot = await readSnapshot(cwd, sha, {
    prefixes: [path],
    extraPaths: [],
    maxBytes: MAX_RESULTS_BYTES,
  });
  const file = snapshot.files.find((f) => f.path === path);
  if (file) return { kind: 'file', text: file.text };
  const refused = snapshot.refused.find((f) => f.path === path);
  return refused ? { kind: 'refused', reason: refused.reason } : null;
}
