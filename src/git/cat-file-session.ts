import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { BatchParser } from './batch-parser.js';
import { GitError, quoteForMessage } from './git-error.js';
import { classifyFailure, spawnFailure, spawnGit } from './run-git.js';
import { decodeUtf8 } from './utf8.js';

export interface ObjectInfo {
  oid: string;
  type: string;
  size: number;
}

export interface GitObject extends ObjectInfo {
  content: Buffer;
}

/** A blob read as text: null when it is not UTF-8. */
export interface GitText extends ObjectInfo {
  text: string | null;
}

/** This git predates `cat-file --batch-command` (2.36): callers take the one-process-per-read path instead. */
export class BatchCommandUnsupported extends Error {
  constructor() {
    super('git cat-file --batch-command is not supported by this git');
  }
}

type Answer = GitObject | GitText | ObjectInfo | null;

interface Request {
  /** `texts` asks git for contents and keeps each one decoded, never its bytes */
  kind: 'info' | 'contents' | 'texts';
  results: Answer[];
  expected: number;
  resolve: (results: Answer[]) => void;
  reject: (error: unknown) => void;
}

const STDERR_KEEP = 64 * 1024;

/**
 * One long-lived `git cat-file --batch-command --buffer`: every request is a group of `info`/`contents` lines
 * closed by `flush`, and git answers groups in the order they were sent, so a FIFO of requests is all the
 * bookkeeping needed. Ref verification, trees and blobs of a whole diff go through this one process.
 */
export class CatFileSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Request[] = [];
  private readonly parser: BatchParser;
  private stderr = '';
  private failure: unknown;
  private ended = false;

  constructor(private readonly cwd: string) {
    this.child = spawnGit(cwd, ['cat-file', '--batch-command', '--buffer']);
    this.parser = new BatchParser(
      // the parser lends the content: copied to be kept, or decoded straight from git's output
      (oid, content, type) =>
        this.answer(
          this.queue[0]?.kind === 'texts'
            ? { oid, type, size: content.length, text: decodeUtf8(content) }
            : { oid, type, size: content.length, content: Buffer.from(content) },
        ),
      {
        onHeader: (oid, type, size) => {
          if (this.queue[0]?.kind !== 'info') return true;
          this.answer({ oid, type, size });
          return false;
        },
        onMissing: () => this.answer(null),
      },
    );
    this.child.stdout.on('data', (chunk: Buffer) => {
      if (this.failure !== undefined) return;
      try {
        this.parser.push(chunk);
      } catch (error) {
        this.fail(error);
        this.child.kill();
      }
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < STDERR_KEEP) this.stderr += chunk.toString('utf8');
    });
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (error: NodeJS.ErrnoException) => this.fail(spawnFailure(cwd, error)));
    this.child.on('close', (code, signal) => {
      this.ended = true;
      if (this.queue.length === 0 && code === 0) return;
      if (code === 129 && /batch-command/.test(this.stderr)) this.fail(new BatchCommandUnsupported());
      else if (code === 0) this.fail(new GitError('failed', 'git cat-file ended before answering'));
      else this.fail(classifyFailure(this.cwd, ['cat-file'], this.stderr, code, signal));
    });
  }

  /** False once the process has ended or failed: the pool then starts a new one. */
  get usable(): boolean {
    return !this.ended && this.failure === undefined;
  }

  /** Type and size of each name (an oid or any object name such as `<sha>^{commit}`); null when there is none. */
  info(names: string[]): Promise<(ObjectInfo | null)[]> {
    return this.send('info', names);
  }

  /** Type, size and content of each name; null when there is none. */
  contents(names: string[]): Promise<(GitObject | null)[]> {
    return this.send('contents', names) as Promise<(GitObject | null)[]>;
  }

  /**
   * Type, size and UTF-8 text of each name; null when there is none. Each content is decoded as it arrives and
   * its bytes are never kept: a large registry's blobs cost their strings only.
   */
  texts(names: string[]): Promise<(GitText | null)[]> {
    return this.send('texts', names) as Promise<(GitText | null)[]>;
  }

  /** Lets git exit once it has answered everything sent so far. */
  close(): void {
    if (!this.ended) this.child.stdin.end();
  }

  private send(kind: Request['kind'], names: string[]): Promise<Answer[]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.ended) return Promise.reject(new GitError('failed', 'git cat-file session already ended'));
    for (const name of names) checkObjectName(name);
    if (names.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ kind, results: [], expected: names.length, resolve, reject });
      const command = kind === 'texts' ? 'contents' : kind;
      this.child.stdin.write(`${names.map((name) => `${command} ${name}`).join('\n')}\nflush\n`);
    });
  }

  private answer(result: Answer): void {
    const request = this.queue[0];
    if (!request) throw new GitError('failed', 'unexpected git cat-file output');
    request.results.push(result);
    if (request.results.length === request.expected) {
      this.queue.shift();
      request.resolve(request.results);
    }
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const request of this.queue.splice(0)) request.reject(this.failure);
  }
}

/** An object name is one line of a command: never empty, never carrying a newline into the next command. */
function checkObjectName(name: string): void {
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || /[\u0000\n\r]/.test(name) || /^\s|\s$/.test(name))
    throw new GitError('failed', `not an object name: '${quoteForMessage(name.slice(0, 80))}'`);
}
