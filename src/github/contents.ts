import { callGitHub } from './call.js';
import { createGitHubClient } from './client.js';
import type { GitHubClient } from './client.js';

/** A file never larger than this is fetched (a floor is a config): a larger answer is refused, not parsed. */
const MAX_BYTES = 1024 * 1024;

/**
 * One file of a repository at a commit, through `GET /repos/{owner}/{repo}/contents/{path}?ref=`: the JSON answer
 * (base64 `content`) or a raw one. A directory, a symlink or a submodule is no file: refused.
 */
export async function fetchFileAt(
  client: GitHubClient,
  repository: string,
  path: string,
  ref: string,
): Promise<string> {
  const [owner, repo] = repository.split('/') as [string, string];
  const { data } = await callGitHub(`read ${repository}:${path}@${ref.slice(0, 12)}`, () =>
    client.rest.repos.getContent({ owner, repo, path: path.replace(/^\/+/, ''), ref }),
  );
  if (typeof data === 'string') return data;
  if (Array.isArray(data) || typeof data !== 'object' || data === null)
    throw new Error(`${repository}:${path} is not a file`);
  const file = data as { type?: unknown; content?: unknown; encoding?: unknown };
  if (file.type !== undefined && file.type !== 'file') throw new Error(`${repository}:${path} is not a file`);
  if (typeof file.content !== 'string' || file.encoding !== 'base64')
    throw new Error(`${repository}:${path}: the contents API gave no base64 content`);
  const bytes = Buffer.from(file.content.replace(/\s+/g, ''), 'base64');
  if (bytes.length > MAX_BYTES) throw new Error(`${repository}:${path} is larger than a floor may be`);
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new Error(`${repository}:${path} is not UTF-8 text`);
  return text;
}

/** With a token in the environment (AGENTGATE_TOKEN, GITHUB_TOKEN), how `extends:` fetches a repository floor. */
export function contentsFetcherFromEnv(
  env: NodeJS.ProcessEnv,
): ((repository: string, path: string, ref: string) => Promise<string>) | undefined {
  const token = env.AGENTGATE_TOKEN?.trim() || env.GITHUB_TOKEN?.trim();
  if (!token) return undefined;
  const client = createGitHubClient({ token, baseUrl: env.GITHUB_API_URL?.trim() || undefined });
  return (repository, path, ref) => fetchFileAt(client, repository, path, ref);
}
