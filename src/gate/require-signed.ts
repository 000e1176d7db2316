// `release --require-signed`: every capability change in the release range must have been signed off on its digest,
// checked on GitHub exactly as `audit` checks a merged pull request. A range that only narrows needs nothing:
// revocations ship at once. Without GitHub access nothing can be proven, so the release is refused.
import type { CommitMeta } from '../model/commit.js';
import type { HistoryEntry } from '../core/history/commit-diff.js';
import { chooseMergingPull } from '../core/history/audit.js';
import { GitHubApi } from '../github/api.js';
import { listPullsForCommit } from '../github/audit.js';
import { createGitHubClient } from '../github/client.js';
import { readGitHubEnv } from '../github/env.js';
import { readGateState, walkHistory } from '../load/history.js';
import { auditPull } from './audit-pull.js';
import { resolveRepo } from './repo-ref.js';
import type { ReleaseRange } from '../release/release.js';

/** A verifier for cutRelease: resolves to one line per unsigned capability change (empty: all signed). */
export function verifySignedRange(cwd: string): (range: ReleaseRange) => Promise<string[]> {
  return async (range) => {
    if (range.plane !== 'control' || !range.capabilityChanged || range.narrowingOnly) return [];
    const { config } = await readGateState(cwd, range.to);
    const history = await walkHistory(cwd, range.to, config, range.from ? { after: range.from } : {});
    const changing = history.filter(isCapabilityChange);
    if (changing.length === 0) return [];
    const env = readGitHubEnv(process.env);
    if (!env.token)
      return changing.map(
        (entry) =>
          `${describe(entry.commit)}: cannot verify its sign-off without GitHub access (set AGENTGATE_TOKEN or GITHUB_TOKEN)`,
      );
    const repo = await resolveRepo(cwd, env.repository);
    const client = createGitHubClient({ token: env.token, baseUrl: env.apiUrl, warn: () => undefined });
    const api = new GitHubApi(client, repo);
    const self = await api.identity();
    const unsigned: string[] = [];
    for (const entry of changing) {
      if (isNarrowingOnly(entry)) continue;
      const pull = chooseMergingPull(
        await listPullsForCommit(client, repo, entry.commit.sha),
        entry.commit.sha,
      );
      if (!pull) {
        unsigned.push(`${describe(entry.commit)}: reached the branch without a pull request`);
        continue;
      }
      const audit = await auditPull({ cwd, api, self }, pull, entry.commit);
      if (!audit.satisfied)
        unsigned.push(
          `${describe(entry.commit)}: pull request #${pull.number} needed ${audit.required} sign-off(s) on ${audit.digest.slice(0, 15)}, had ${audit.counted.length}`,
        );
    }
    return unsigned;
  };
}

function isCapabilityChange(entry: HistoryEntry): boolean {
  return entry.tools.length > 0 || entry.bindings.length > 0 || entry.files.control.length > 0;
}

/** A commit that only removed authority: removed or narrowed tools, removed bindings, nothing else. */
function isNarrowingOnly(entry: HistoryEntry): boolean {
  if (entry.gateFiles.length > 0 || entry.bindings.some((b) => b.added.length > 0)) return false;
  const modelled = new Set(entry.tools.map((t) => t.path));
  if (entry.files.control.some((f) => !modelled.has(f.path))) return false;
  return entry.tools.length + entry.bindings.length > 0 && entry.tools.every((t) => t.narrowing);
}

function describe(commit: CommitMeta): string {
  return `${commit.sha.slice(0, 12)} ${commit.subject}`;
}
