import { CODEOWNERS_LOCATIONS } from './governance/codeowners-paths.js';

// Where the gate's own files live and how much of any file agentgate reads: declared once, used by the
// commit reader (src/load/read-gate.ts, compute-diff, history), the work-tree loader and the CLI's readers.

/** The config, first found wins. */
export const CONFIG_PATHS: readonly string[] = ['agentgate.yaml', 'agentgate.yml'];

/** CODEOWNERS in GitHub's lookup order: the first that exists is the only one GitHub reads. */
export const CODEOWNERS_PATHS: readonly string[] = CODEOWNERS_LOCATIONS;

/** Files over this size are refused with a finding instead of being parsed (manifests, prompts, the config). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
