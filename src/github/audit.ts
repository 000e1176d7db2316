import type { RepoRef } from '../core/gate/types.js';
import type { GitHubClient } from './client.js';
import { toGitHubError } from './errors.js';

/** A pull request as `GET /repos/{owner}/{repo}/commits/{sha}/pulls` lists it. */
export interface AssociatedPull {
  number: number;
  author: string;
  baseSha: string;
  headSha: string;
  baseRef: string;
  /** null while open or when closed without merging */
  mergedAt: string | null;
  mergeCommitSha: string | null;
  htmlUrl: string;
}

/** The pull requests GitHub associates with a commit (the one that merged it, for a commit on the default branch). */
export async function listPullsForCommit(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
): Promise<AssociatedPull[]> {
  try {
    const list = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, {
      ...repo,
      commit_sha: sha,
      per_page: 100,
    });
    return list.map((pull) => ({
      number: pull.number,
      author: pull.user?.login ?? '',
      baseSha: pull.base.sha,
      headSha: pull.head.sha,
      baseRef: pull.base.ref,
      mergedAt: pull.merged_at ?? null,
      mergeCommitSha: pull.merge_commit_sha ?? null,
      htmlUrl: pull.html_url,
    }));
  } catch (error) {
    throw toGitHubError(`GET pull requests of commit ${sha.slice(0, 12)}`, error);
  }
}
