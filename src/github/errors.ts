import { AgentgateError } from '../errors.js';

/** A GitHub call that failed after retries. Exit 2: the gate's input could not be read or written. */
export class GitHubError extends AgentgateError {
  static override readonly code: string = 'AGENTGATE_GITHUB';
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message, 2);
    this.status = status;
  }
}

interface ErrorCause {
  code?: string;
  message?: string;
  cause?: ErrorCause;
}
interface RequestErrorLike extends ErrorCause {
  status?: number;
  /** set when GitHub answered; Octokit reports a request that never got an answer as status 500 without one */
  response?: unknown;
}

/**
 * One line that says what failed and what to do. Only the status and GitHub's own short message are
 * used: an Octokit error also carries the request (headers included), which must never be printed.
 */
export function toGitHubError(what: string, error: unknown): GitHubError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as RequestErrorLike;
  const answered = !(e.status === 500 && e.response === undefined && e.cause !== undefined);
  const status = typeof e.status === 'number' && e.status > 0 && answered ? e.status : null;
  const said = oneLine(e.message ?? '');
  if (status === null) {
    const cause = e.cause?.cause?.code ?? e.cause?.code ?? e.code ?? oneLine(e.cause?.message ?? said);
    return new GitHubError(`${what} failed: could not reach GitHub (${cause || 'network error'})`, null);
  }
  const hint =
    status === 401
      ? ': the token was rejected; check AGENTGATE_TOKEN / GITHUB_TOKEN'
      : status === 403
        ? ': the token lacks permission (the workflow needs statuses: write, pull-requests: write, contents: read)'
        : status >= 500
          ? ' after retries: GitHub is unavailable'
          : '';
  return new GitHubError(`${what} failed with HTTP ${status}${said ? ` (${said})` : ''}${hint}`, status);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
