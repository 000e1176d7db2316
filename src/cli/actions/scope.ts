import { Chalk } from 'chalk';
import { findLastChanges } from '../../core/governance/log-entries.js';
import { buildScopeView } from '../../core/governance/scope.js';
import type { Config } from '../../core/types.js';
import { isShallow, verifyRef } from '../../git/refs.js';
import { readGateState, readRegistryAt, walkHistory } from '../../load/history.js';
import { renderScopeMarkdown, renderScopeText } from '../../render/scope.js';

export interface ScopeOptions {
  ref: string;
  format: 'text' | 'json' | 'markdown';
}

/** `agentgate scope`: the registry at a commit, each tool with the commit that last changed it. */
export async function runScope(options: ScopeOptions, cwd: string): Promise<number> {
  const sha = await verifyRef(cwd, options.ref);
  const { config } = await readGateState(cwd, sha);
  const [registry, history, shallow] = await Promise.all([
    readRegistryAt(cwd, sha, config),
    walkHistory(cwd, sha, toolsOnly(config)),
    isShallow(cwd),
  ]);
  const view = buildScopeView({
    ref: { ref: options.ref, sha },
    registry,
    config,
    lastChanges: findLastChanges(history),
  });
  const errors = view.findings;
  if (errors.length > 0) {
    process.stderr.write(
      `agentgate: ${errors.length} registry error(s) at ${options.ref}: tools in invalid manifests are not listed (run agentgate validate)\n`,
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

/** The last change of a tool only needs the control plane's files: prompts are not read at all. */
export function toolsOnly(config: Config): Config {
  return { ...config, planes: { ...config.planes, data: { ...config.planes.data, paths: [] } } };
}
