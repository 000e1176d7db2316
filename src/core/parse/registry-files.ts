import type { Registry } from '../types.js';
import { parsePromptFile } from './prompt.js';
import type { SourceFile } from './source-file.js';
import { parseToolManifest } from './tool-manifest.js';

export interface RegistryRoots {
  /** folder of tool manifests, relative POSIX path ('' for none) */
  toolsRoot: string;
  /** folder of prompts, relative POSIX path ('' for none) */
  promptsRoot: string;
}

const MANIFEST = /\.(?:ya?ml|json)$/i;

/** Files under the two roots -> a Registry with every parse finding. Files elsewhere are ignored. */
export function parseRegistryFiles(files: readonly SourceFile[], roots: RegistryRoots): Registry {
  const registry: Registry = { tools: [], prompts: [], findings: [] };
  for (const file of files) {
    if (isUnder(file.path, roots.toolsRoot)) {
      if (!MANIFEST.test(file.path)) continue;
      const result = parseToolManifest(file);
      registry.tools.push(...result.tools);
      registry.findings.push(...result.findings);
    } else if (isUnder(file.path, roots.promptsRoot)) {
      const result = parsePromptFile(file, roots.promptsRoot);
      if (result.prompt) registry.prompts.push(result.prompt);
      registry.findings.push(...result.findings);
    }
  }
  return registry;
}

export function isUnder(path: string, root: string): boolean {
  if (root === '') return false;
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(prefix);
}
