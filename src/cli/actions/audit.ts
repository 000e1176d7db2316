import { Chalk } from 'chalk';
import { auditTool, buildAuditReport, chooseMergingPull } from '../../core/history/audit.js';
import type { PullAudit } from '../../core/history/audit.js';
import type { CommitMeta } from '../../model/commit.js';
import { findLastChanges } from '../../core/history/log-entries.js';
import { buildScopeView } from '../../core/history/scope.js';
import { isShallow } from '../../git/refs.js';
import { gitDir } from '../../git/repo-info.js';
import { GitHubApi } from '../../github/api.js';
import { listPullsForCommit } from '../../github/audit.js';
import { createGitHubClient } from '../../github/client.js';
import { readGitHubEnv } from '../../github/env.js';
import { createRepoSourceLookup } from '../../core/plane/repo-sources.js';
import { readGateState, readRegistryAt, walkHistory } from '../../load/history.js';
import { UsageError } from '../../errors.js';
import { cachedPull, emptyCache, loadAuditCache, saveAuditCache } from './audit-cache.js';
import { auditPull } from '../../gate/audit-pull.js';
import { renderAuditText } from '../../render/audit.js';
import { createProgress, resolveAuditRef } from './audit-setup.js';
import { resolveRepo } from '../../gate/repo-ref.js';
import { toolsOnly } from './scope.js';

export interface AuditOptions {
  ref?: string;
  format: 'text' | 'json';
  cache: boolean;
}

/**
 * `agentgate audit`: for every tool on the branch, the commit that last changed it, the pull request that
 * merged that commit, and whether the sign-offs that change needed were given on the digest that was merged.
 */
export async function runAudit(options: AuditOptions, cwd: string): Promise<number> {
  const env = readGitHubEnv(process.env);
  if (!env.token)
    throw new UsageError('audit reads pull requests from GitHub: set AGENTGATE_TOKEN or GITHUB_TOKEN');
  const repo = await resolveRepo(cwd, env.repository);
  const repoName = `${repo.owner}/${repo.repo}`;
  if (await isShallow(cwd))
    throw new UsageError(
      'audit walks the whole history, and this clone is shallow: fetch with fetch-depth: 0 (git fetch --unshallow)',
    );
  const { ref, sha } = await resolveAuditRef(cwd, options.ref);
  const { config } = await readGateState(cwd, sha);
  const [registry, history, dir] = await Promise.all([
    readRegistryAt(cwd, sha, config),
    walkHistory(cwd, sha, toolsOnly(config), { sourceOf: createRepoSourceLookup(config) }),
    gitDir(cwd),
  ]);
  const lastChanges = findLastChanges(history);
  const commits = new Map<string, CommitMeta>(history.map((entry) => [entry.commit.sha, entry.commit]));
  const tools = buildScopeView({ ref: { ref, sha }, registry, config, lastChanges }).tools;

  const client = createGitHubClient({
    token: env.token,
    baseUrl: env.apiUrl,
    warn: (line) => process.stderr.write(`agentgate: ${line}\n`),
  });
  const api = new GitHubApi(client, repo);
  const cache = options.cache ? loadAuditCache(dir, repoName) : emptyCache(repoName);
  const self = await api.identity();
  const shas = [...new Set(tools.flatMap((tool) => (tool.lastChange ? [tool.lastChange.sha] : [])))];
  const audits = new Map<string, PullAudit | undefined>();
  const progress = createProgress(shas.length, 'agentgate audit: changes');
  let savedAt = Date.now();
  try {
    await forEachLimited(shas, 4, async (commitSha) => {
      const merge = commits.get(commitSha) as CommitMeta;
      let pull = cache.commits[commitSha];
      if (!pull) {
        pull = chooseMergingPull(await listPullsForCommit(client, repo, commitSha), commitSha) ?? undefined;
        if (pull) cache.commits[commitSha] = pull;
      }
      if (!pull) {
        audits.set(commitSha, undefined);
      } else {
        let audit = options.cache ? cachedPull(cache, pull) : undefined;
        if (!audit) {
          audit = await auditPull({ cwd, api, self }, pull, merge);
          cache.pulls[String(pull.number)] = audit;
        }
        audits.set(commitSha, audit);
      }
      // saved as it goes (at most once a second), so that an interrupted audit resumes where it stopped
      if (options.cache && Date.now() - savedAt > 1000) {
        saveAuditCache(dir, cache);
        savedAt = Date.now();
      }
      progress.tick();
    });
  } finally {
    progress.done();
    if (options.cache) saveAuditCache(dir, cache);
  }

  const audited = tools.map((tool) =>
    auditTool({
      name: tool.name,
      radius: tool.radius,
      path: tool.path,
      change: tool.lastChange,
      audit: tool.lastChange ? audits.get(tool.lastChange.sha) : undefined,
    }),
  );
  const report = buildAuditReport(repoName, { ref, sha }, audited);
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else
    process.stdout.write(
      renderAuditText(report, new Chalk({ level: process.env.NO_COLOR ? 0 : new Chalk().level })),
    );
  return report.failing > 0 ? 1 : 0;
}

/** Runs `work` over the items with at most `limit` at a time; the first failure stops the rest. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
