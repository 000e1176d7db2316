import { createRegistryRoles } from './classify-paths.js';
import type { RegistryRole } from './classify-paths.js';
import { parseRegistryFile } from './parse-snapshot.js';
import type { Config, Registry } from '../../model/types.js';
import { DEFAULT_CONFIG } from './config.js';
import type { SourceFile } from '../../model/source-file.js';

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
  for (const file of files) {
    const parsed = parseRegistryFile(file, roleOf(file.path), roots.promptsRoot);
    registry.tools.push(...parsed.tools);
    if (parsed.prompt) registry.prompts.push(parsed.prompt);
    registry.findings.push(...parsed.findings);
    // `kind: McpServer` manifests and source files declare servers: bindings like `server/*` resolve
    // against them, and validate and the runtime see them
    if (parsed.servers?.length) (registry.servers ??= []).push(...parsed.servers);
    if (parsed.agents?.length) (registry.agents ??= []).push(...parsed.agents);
    if (parsed.permissions?.length) (registry.permissions ??= []).push(...parsed.permissions);
  }
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
