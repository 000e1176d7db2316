// Every source format (MCP client configs and agent files) as one set, for the views that read a whole tree:
// `validate`, `scope`, `log`, `codeowners --check` and the runtime's `--agent` see what the diff sees, because
// each is handed the one lookup the config gives (core/repo-sources.ts) instead of guessing default paths.
import { refusedCharacterOf, refusedPathFinding } from '../model/paths.js';
import type { SourceFile } from '../model/source-file.js';
import type { Registry } from '../model/types.js';
import type { SourceLookup } from './lookup.js';
import type { SourceModel } from './kit/types.js';

export interface SourceCollection extends SourceModel {
  /** the source files read, sorted */
  paths: string[];
}

/**
 * The models of every file `sourceOf` gives an adapter; files at no source path are left out. A claimed path
 * whose name does not show as itself is refused by name, never parsed, as the diff refuses it.
 */
export function collectSources(files: readonly SourceFile[], sourceOf: SourceLookup): SourceCollection {
  const out: SourceCollection = {
    servers: [],
    tools: [],
    agents: [],
    permissions: [],
    findings: [],
    paths: [],
  };
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const adapter = sourceOf(file.path);
    if (!adapter) continue;
    out.paths.push(file.path);
    const character = refusedCharacterOf(file.path);
    if (character !== undefined) {
      out.findings.push(refusedPathFinding(file.path, character));
      continue;
    }
    const model = adapter.parse(file);
    out.servers.push(...model.servers);
    out.tools.push(...model.tools);
    out.agents.push(...model.agents);
    out.permissions.push(...model.permissions);
    out.findings.push(...model.findings);
  }
  return out;
}

/**
 * The registry with the sources beside it. Whatever the registry already carries from a source file (the diff
 * pipeline may read them too) is not added twice: the file path is the key.
 */
export function mergeSources(registry: Registry, sources: SourceCollection): Registry {
  const fresh = freshSources(registry, sources);
  return { ...fresh.registry, prompts: [...registry.prompts, ...fresh.agents] };
}

/**
 * The registry with the sources beside it, shaped as the diff reads a tree: agents of client files stay apart
 * from registry prompts (`agents`), so that their bindings resolve through their client's catalog and servers.
 */
export function addSources(registry: Registry, sources: SourceCollection): Registry {
  const fresh = freshSources(registry, sources, registry.agents ?? []);
  return { ...fresh.registry, agents: [...(registry.agents ?? []), ...fresh.agents] };
}

function freshSources(
  registry: Registry,
  sources: SourceCollection,
  agents: readonly { source: { path: string } }[] = [],
): { registry: Registry; agents: SourceCollection['agents'] } {
  const known = new Set([
    ...registry.prompts.map((prompt) => prompt.source.path),
    ...agents.map((agent) => agent.source.path),
    ...(registry.servers ?? []).map((server) => server.source.path),
    ...(registry.permissions ?? []).map((rule) => rule.source.path),
  ]);
  const fresh = <T extends { source: { path: string } }>(items: readonly T[]): T[] =>
    items.filter((item) => !known.has(item.source.path));
  const knownFindings = new Set(registry.findings.map((finding) => finding.path));
  return {
    registry: {
      ...registry,
      tools: [...registry.tools, ...fresh(sources.tools)],
      servers: [...(registry.servers ?? []), ...fresh(sources.servers)],
      permissions: [...(registry.permissions ?? []), ...fresh(sources.permissions)],
      findings: [
        ...registry.findings,
        ...sources.findings.filter((finding) => !knownFindings.has(finding.path) || !known.has(finding.path)),
      ],
    },
    agents: fresh(sources.agents),
  };
}
