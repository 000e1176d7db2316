import { createRegistryRoles } from '../classify-paths.js';
import type { RegistryRole } from '../classify-paths.js';
import { parseRegistryFile } from '../parse-snapshot.js';
import type { Config, Registry, Server } from '../types.js';
import { DEFAULT_CONFIG } from './config.js';
import type { SourceFile } from './source-file.js';

export interface RegistryRoots {
  /** folder of tool manifests, relative POSIX path ('' for none) */
  toolsRoot: string;
  /** folder of prompts, relative POSIX path ('' for none): prompt ids are paths under it */
  promptsRoot: string;
  /** the shared classification of the config's plane globs; without it, everything under the two roots */
  roleOf?: (path: string) => RegistryRole;
}

/** Files -> a Registry with every parse finding, each file by the same role `diff` gives it. */
export function parseRegistryFiles(files: readonly SourceFile[], roots: RegistryRoots): Registry {
  const roleOf = roots.roleOf ?? createRegistryRoles(configForRoots(roots));
  const registry: Registry = { tools: [], prompts: [], findings: [] };
  const servers: Server[] = [];
  for (const file of files) {
    const parsed = parseRegistryFile(file, roleOf(file.path), roots.promptsRoot);
    registry.tools.push(...parsed.tools);
    servers.push(...(parsed.servers ?? []));
    if (parsed.prompt) registry.prompts.push(parsed.prompt);
    registry.findings.push(...parsed.findings);
  }
  // the servers a commit's registry holds (parse-snapshot.ts), so that validate and the runtime see them too
  if (servers.length > 0) registry.servers = servers;
  return registry;
}

/** Two folders as plane globs, so that explicit roots go through the one classifier too. */
export function configForRoots(roots: RegistryRoots): Config {
  const config = structuredClone(DEFAULT_CONFIG);
  config.planes.control.paths = roots.toolsRoot === '' ? [] : [`${trimSlash(roots.toolsRoot)}/**`];
  config.planes.data.paths = roots.promptsRoot === '' ? [] : [`${trimSlash(roots.promptsRoot)}/**`];
  return config;
}

export function isUnder(path: string, root: string): boolean {
  if (root === '') return false;
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(prefix);
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '');
}
