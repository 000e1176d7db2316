import type { RepoRef } from '../core/gate/types.js';
import { originUrl } from '../git/repo-info.js';
import { UsageError } from '../errors.js';

/** owner/repo from GITHUB_REPOSITORY, else from the origin remote's URL (https, ssh or scp-like). */
export async function resolveRepo(cwd: string, repository: string | undefined): Promise<RepoRef> {
  const text = repository ?? (await originUrl(cwd));
  if (text === null)
    throw new UsageError('which repository? set GITHUB_REPOSITORY=owner/repo (there is no origin remote)');
  const match =
    /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?$/.exec(text) ??
    /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(text);
  if (!match)
    throw new UsageError(
      `cannot read owner/repo from '${text.slice(0, 120)}': set GITHUB_REPOSITORY=owner/repo`,
    );
  return { owner: match[1] as string, repo: match[2] as string };
}
