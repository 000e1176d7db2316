import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../load/write-file-atomic.js';
import { join } from 'node:path';
import type { PullAudit } from '../../core/history/audit.js';
import type { AssociatedPull } from '../../github/audit.js';

export const AUDIT_CACHE_FILE = 'agentgate-audit.json';

/**
 * What an interrupted audit does not have to ask GitHub again: which pull request merged a commit (fixed once
 * merged) and the pull requests that passed. A failing one is always asked again, since a sign-off may have
 * been added since.
 */
export interface AuditCache {
  version: 1;
  repo: string;
  commits: Record<string, AssociatedPull>;
  pulls: Record<string, PullAudit>;
}

export function emptyCache(repo: string): AuditCache {
  return { version: 1, repo, commits: {}, pulls: {} };
}

/** The cache in the git directory; anything unreadable or for another repository starts afresh. */
export function loadAuditCache(gitDir: string, repo: string): AuditCache {
  try {
    const data = JSON.parse(readFileSync(join(gitDir, AUDIT_CACHE_FILE), 'utf8')) as Partial<AuditCache>;
    if (
      data.version !== 1 ||
      data.repo !== repo ||
      typeof data.commits !== 'object' ||
      typeof data.pulls !== 'object'
    )
      return emptyCache(repo);
    return { version: 1, repo, commits: data.commits ?? {}, pulls: data.pulls ?? {} };
  } catch {
    return emptyCache(repo);
  }
}

/** Written whole to a temporary file and renamed over the old one, so that an interrupted write leaves the last good cache. */
export function saveAuditCache(gitDir: string, cache: AuditCache): void {
  const path = join(gitDir, AUDIT_CACHE_FILE);
  writeFileAtomic(path, `${JSON.stringify(cache)}\n`);
}

/** A cached pull request counts only for the same head and a passing result. */
export function cachedPull(cache: AuditCache, pull: AssociatedPull): PullAudit | undefined {
  const hit = cache.pulls[String(pull.number)];
  return hit && hit.headSha === pull.headSha && (hit.satisfied || hit.required === 0) ? hit : undefined;
}
