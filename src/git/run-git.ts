import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { GitError, firstStderrLine } from './git-error.js';

export interface RunGitOptions {
  input?: string | Buffer;
  /** stdout larger than this fails the call instead of exhausting memory */
  maxBuffer?: number;
  /** exit codes besides 0 that are an answer rather than a failure (`rev-parse --verify --quiet` exits 1) */
  acceptExitCodes?: number[];
  /** extra environment, e.g. a temporary GIT_INDEX_FILE for plumbing that must not touch the user's index */
  env?: Record<string, string>;
}

const DEFAULT_MAX_BUFFER = 512 * 1024 * 1024;
const STDERR_KEEP = 64 * 1024;

// Options that keep git's output machine-shaped whatever the user's config says.
const GLOBAL_ARGS = [
  '--no-pager',
  '--literal-pathspecs',
  '-c',
  'color.ui=false',
  '-c',
  'core.quotePath=false',
];

let spawnCount = 0;

/** How many git processes this module has started; lets tests prove that bulk reads use one process. */
export function gitSpawnCount(): number {
  return spawnCount;
}

function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    // never let a partial clone go to the network behind our back (git >= 2.44; ignored before)
    GIT_NO_LAZY_FETCH: '1',
  };
}

/** Runs git with an argument array (never a shell) and resolves to its stdout. */
export async function runGit(cwd: string, args: string[], options: RunGitOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const maxBuffer = options.maxBuffer ?? DEFAULT_MAX_BUFFER;
  await execGit(cwd, args, options.input, options.acceptExitCodes ?? [], options.env, (chunk, kill) => {
    size += chunk.length;
    if (size > maxBuffer) {
      kill(new GitError('failed', `git ${args[0] ?? ''} produced more than ${maxBuffer} bytes`));
      return;
    }
    chunks.push(chunk);
  });
  return Buffer.concat(chunks, size);
}

/** Like runGit, but hands stdout over chunk by chunk (for `cat-file --batch` and other bulk readers). */
export async function streamGit(
  cwd: string,
  args: string[],
  input: string | Buffer | undefined,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  await execGit(cwd, args, input, [], undefined, (chunk, kill) => {
    try {
      onChunk(chunk);
    } catch (error) {
      kill(error);
    }
  });
}

/**
 * Starts git with our global options and environment, counted by gitSpawnCount. For long-lived processes (the
 * cat-file session) whose pipes the caller drives itself; one-shot calls go through runGit.
 */
export function spawnGit(
  cwd: string,
  args: string[],
  env?: Record<string, string>,
): ChildProcessWithoutNullStreams {
  spawnCount += 1;
  return spawn('git', [...GLOBAL_ARGS, ...args], {
    cwd,
    env: gitEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
}

function execGit(
  cwd: string,
  args: string[],
  input: string | Buffer | undefined,
  acceptExitCodes: number[],
  env: Record<string, string> | undefined,
  onChunk: (chunk: Buffer, kill: (reason: unknown) => void) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let failure: unknown;
    let stderr = '';
    const child = spawnGit(cwd, args, env);
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new GitError('failed', String(error)));
    };
    const kill = (reason: unknown): void => {
      failure ??= reason;
      child.kill();
    };
    child.on('error', (error: NodeJS.ErrnoException) => settle(spawnFailure(cwd, error)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (failure === undefined) onChunk(chunk, kill);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_KEEP) stderr += chunk.toString('utf8');
    });
    // git may exit before reading all its input (a bad argument): that EPIPE is reported through the exit code
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('close', (code, signal) => {
      if (failure !== undefined) settle(failure);
      else if (code === 0 || (code !== null && acceptExitCodes.includes(code))) settle();
      else settle(classifyFailure(cwd, args, stderr, code, signal));
    });
  });
}

/** Why git could not even be started. */
export function spawnFailure(cwd: string, error: NodeJS.ErrnoException): GitError {
  if (error.code === 'ENOENT' && !existsSync(cwd))
    return new GitError('not-a-repository', `not a git repository: ${cwd}`);
  if (error.code === 'ENOENT') return new GitError('git-missing', 'git is not installed or not on PATH');
  return new GitError('failed', `could not run git: ${error.message}`);
}

/** Turns a failed git call into a GitError whose kind callers can branch on. */
export function classifyFailure(
  cwd: string,
  args: string[],
  stderr: string,
  code: number | null,
  signal: NodeJS.Signals | null,
): GitError {
  const line = firstStderrLine(stderr);
  if (/not a git repository/i.test(stderr))
    return new GitError('not-a-repository', `not a git repository: ${cwd}`);
  if (/bad object|missing object|could not read|unable to read|not our ref/i.test(stderr)) {
    return new GitError('missing-commit', line);
  }
  if (
    /unknown revision|bad revision|ambiguous argument|needed a single revision|not a valid object name|invalid object name/i.test(
      stderr,
    )
  ) {
    return new GitError('bad-ref', line);
  }
  const what = `git ${args[0] ?? ''}`;
  if (line) return new GitError('failed', `${what} failed: ${line}`);
  return new GitError('failed', `${what} failed (${signal ?? `exit code ${code}`})`);
}
