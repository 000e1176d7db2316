import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

export const DEFAULT_API_URL = 'https://api.github.com';

const GateOctokit = Octokit.plugin(retry, throttling) as unknown as new (options: object) => Octokit;
/** the retry and throttling plugins add no methods the gate calls: the REST client's type is enough */
export type GitHubClient = Octokit;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL (GitHub Enterprise Server, or a test server) */
  baseUrl?: string;
  userAgent?: string;
  /** where warnings go; never receives a request object or the token */
  warn?: (message: string) => void;
}

/** Retries allowed on a rate limit before giving up (each waits as long as GitHub asks). */
const RATE_LIMIT_RETRIES = 2;

/**
 * The one Octokit agentgate uses: retries transient failures (5xx) with backoff, waits out rate limits,
 * and paces writes as GitHub asks integrators to. A loopback API (a test double) is not GitHub: there the
 * pacing is off and backoff is counted in milliseconds, so tests stay fast without changing code paths.
 */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const baseUrl = (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, '');
  const loopback = isLoopback(baseUrl);
  const warn = options.warn ?? (() => undefined);
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount >= RATE_LIMIT_RETRIES) return false;
      warn(`GitHub ${kind} on ${request.method} ${request.url}: retrying in ${retryAfter}s`);
      return true;
    };
  const unpaced = loopback ? { write: immediateGroup(), notifications: immediateGroup() } : {};
  return new GateOctokit({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? 'agentgate',
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    retry: { retries: 3, retryAfterBaseValue: loopback ? 10 : 1000 },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      retryAfterBaseValue: loopback ? 10 : 1000,
      ...(unpaced as object),
    },
  });
}

function isLoopback(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** A stand-in for a Bottleneck group that schedules at once. */
function immediateGroup(): unknown {
  const limiter = {
    schedule: (_options: unknown, job: (...args: unknown[]) => unknown, ...args: unknown[]) => job(...args),
  };
  return { key: () => limiter };
}
