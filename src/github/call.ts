import { GitHubError, toGitHubError } from './errors.js';

/** Runs one GitHub call, turning Octokit's error into a one-line GitHubError that never carries the request. */
export async function callGitHub<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof GitHubError ? error : toGitHubError(what, error);
  }
}
