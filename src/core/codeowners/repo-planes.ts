// The owners `init` asks for, said in terms of the repository it finds: the files whose text is the data plane
// (agents, skills, commands, prompt files, gh-aw workflows, instructions, a registry's prompts) and the files
// that are authority (client configs, settings, hooks, plugin manifests, a registry's tools), as they are there.
import type { SourceLookup } from '../../sources/lookup.js';
import { isMixedFile } from './codeowners-paths.js';

export interface FoundPlanes {
  /** files whose text the data owner owns */
  data: string[];
  /** files that are authority whole */
  control: string[];
}

/** The source files found, split by the owner the block gives them; registry folders that exist come first. */
export function splitFoundPaths(
  sourcePaths: readonly string[],
  sourceOf: SourceLookup,
  registry: { data: readonly string[]; control: readonly string[] } = { data: [], control: [] },
): FoundPlanes {
  const found: FoundPlanes = { data: [...registry.data], control: [...registry.control] };
  for (const path of sourcePaths) (isMixedFile(path, sourceOf) ? found.data : found.control).push(path);
  return found;
}

/** `.mcp.json, .claude/settings.json and 3 more`; paths shown with control characters replaced. */
export function describePaths(paths: readonly string[], shown = 3): string {
  // eslint-disable-next-line no-control-regex
  const safe = (path: string) => path.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
  const named = paths.slice(0, shown).map(safe).join(', ');
  return paths.length > shown ? `${named} and ${paths.length - shown} more` : named;
}
