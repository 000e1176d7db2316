import { UsageError } from '../errors.js';

export type GitErrorKind =
  'not-a-repository' | 'bad-ref' | 'missing-commit' | 'shallow' | 'git-missing' | 'failed';

/**
 * Anything git could not do for us. It is a UsageError (exit 2: unreadable input) whose message is one line a
 * user can act on; git's own stderr contributes at most its first line, never a dump.
 */
export class GitError extends UsageError {
  static override readonly code: string = 'AGENTGATE_GIT';
  readonly kind: GitErrorKind;
  constructor(kind: GitErrorKind, message: string) {
    super(oneLine(message));
    this.kind = kind;
  }
}

/** First non-empty line of git's stderr without the `fatal: ` / `error: ` prefix. */
export function firstStderrLine(stderr: string): string {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return (line ?? '').replace(/^(fatal|error|warning):\s*/, '');
}

/** Shows untrusted text (a ref, a path) inside a one-line message without letting it break the line. */
export function quoteForMessage(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function oneLine(message: string): string {
  return quoteForMessage(message.replace(/\r?\n/g, ' ').trim());
}
