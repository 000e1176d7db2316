// Writing a branch on GitHub without a push: blobs by sha or as content, a tree on a base tree, a commit and a
// ref, then the pull request (for `/agentgate split`). Also who may ask for it.
import type { GitHubApi, PostedComment } from './api.js';
import { callGitHub } from './call.js';
import { GitHubError } from './errors.js';

export type RemoteTreeEntry =
  | { path: string; mode: string; sha: string }
  | { path: string; mode: string; content: string }
  /** a deletion */
  | { path: string; mode: string; sha: null };

export type RepoPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

const statusOf = (error: unknown): number | null => (error instanceof GitHubError ? error.status : null);

/** A user's permission on the repository; someone GitHub does not know there (404) has none. */
export async function collaboratorPermission(api: GitHubApi, username: string): Promise<RepoPermission> {
  try {
    const { data } = await callGitHub(`GET permission of ${username}`, () =>
      api.client.rest.repos.getCollaboratorPermissionLevel({ ...api.repo, username }),
    );
    // role_name tells maintain and triage apart; permission folds them into write and read
    const role = (data as { role_name?: string }).role_name ?? '';
    if (['admin', 'maintain', 'write', 'triage', 'read'].includes(role)) return role as RepoPermission;
    return ['admin', 'write', 'read'].includes(data.permission)
      ? (data.permission as RepoPermission)
      : 'none';
  } catch (error) {
    if (statusOf(error) === 404) return 'none';
    throw error;
  }
}

export async function createTree(
  api: GitHubApi,
  baseTree: string,
  entries: RemoteTreeEntry[],
): Promise<string> {
  const { data } = await callGitHub('POST git tree', () =>
    api.client.rest.git.createTree({
      ...api.repo,
      base_tree: baseTree,
      tree: entries.map((entry) => ({ ...entry, mode: entry.mode as '100644', type: 'blob' as const })),
    }),
  );
  return data.sha;
}

export async function createCommit(
  api: GitHubApi,
  message: string,
  tree: string,
  parents: string[],
): Promise<string> {
  const { data } = await callGitHub('POST git commit', () =>
    api.client.rest.git.createCommit({ ...api.repo, message, tree, parents }),
  );
  return data.sha;
}

export async function createBranchRef(api: GitHubApi, branch: string, sha: string): Promise<void> {
  await callGitHub(`POST git ref refs/heads/${branch}`, () =>
    api.client.rest.git.createRef({ ...api.repo, ref: `refs/heads/${branch}`, sha }),
  );
}

export async function openPullRequest(
  api: GitHubApi,
  pull: { title: string; head: string; base: string; body: string },
): Promise<PostedComment & { number: number }> {
  const { data } = await callGitHub(`POST pull request from ${pull.head}`, () =>
    api.client.rest.pulls.create({ ...api.repo, ...pull }),
  );
  return { id: data.id, number: data.number, htmlUrl: data.html_url };
}
