import { Chalk } from 'chalk';
import { findLastChanges } from '../../core/history/log-entries.js';
import { buildScopeView } from '../../core/history/scope.js';
import { createRepoSourceLookup } from '../../core/plane/repo-sources.js';
import type { Config } from '../../model/types.js';
import { GitError } from '../../git/git-error.js';
import { isShallow, verifyRef } from '../../git/refs.js';
import { readGateState, readRegistryAt, walkHistory } from '../../load/history.js';
import { readSourcesAt } from '../../load/read-sources-at.js';
import { renderScopeMarkdown, renderScopeText } from '../../render/scope.js';
import { addSources } from '../../sources/source-set.js';

export interface ScopeOptions {
  /** absent: the working tree, as `diff` reads it */
  ref?: string;
  format: 'text' | 'json' | 'markdown';
}

/** The ref label of the working tree in every output. */
export const WORKING_TREE = 'working tree';

/**
 * `agentgate scope`: the registry and the client source files in the working tree (as `diff` reads them), or at
 * `--ref`; each tool with the commit that last changed it.
 */
export async function runScope(options: ScopeOptions, cwd: string): Promise<number> {
  const sha = options.ref === undefined ? null : await verifyRef(cwd, options.ref);
  // history ends at HEAD for the working tree; a repository without commits has none
  const tip = sha ?? (await verifyRef(cwd, 'HEAD').catch(ignoreMissingHead));
  const { config } = await readGateState(cwd, sha);
  // one answer to "which files are sources" for the tree and its history: the config's, as `diff` has it
  const sourceOf = createRepoSourceLookup(config);
  const [registry, sources, history, shallow] = await Promise.all([
    readRegistryAt(cwd, sha, config),
    readSourcesAt(cwd, sha, sourceOf),
    tip === null ? [] : walkHistory(cwd, tip, toolsOnly(config), { sourceOf }),
    isShallow(cwd),
  ]);
  const view = buildScopeView({
    ref: { ref: options.ref ?? WORKING_TREE, sha },
    registry: addSources(registry, sources),
    config,
    lastChanges: findLastChanges(history),
  });
  const errors = view.findings;
  const where = options.ref ?? `the ${WORKING_TREE}`;
  if (errors.length > 0) {
    process.stderr.write(
      `agentgate: ${errors.length} error(s) in ${where}: tools in invalid manifests and agents in unreadable files are not listed, nor the dangerous paths through them (run agentgate validate)\n`,
    );
  }
  if (shallow)
    process.stderr.write(
      'agentgate: note: shallow clone: last-changed commits stop at the clone depth (fetch with fetch-depth: 0)\n',
    );
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
  else if (options.format === 'markdown') process.stdout.write(renderScopeMarkdown(view));
  else
    process.stdout.write(
      renderScopeText(view, new Chalk({ level: process.env.NO_COLOR ? 0 : new Chalk().level })),
    );
  return 0;
}

function ignoreMissingHead(error: unknown): null {
  if (error instanceof GitError && error.kind === 'bad-ref') return null;
  throw error;
}

/** The last change of a tool only needs the control plane's files: prompts are not read at all. */
export function toolsOnly(config: Config): Config {
  return { ...config, planes: { ...config.planes, data: { ...config.planes.data, paths: [] } } };
}
