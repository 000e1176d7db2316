// Where the gate's own files live and how much of any file agentgate reads: declared once, used by the path
// classifier, the CODEOWNERS block, the commit reader (src/load/read-gate.ts, compute-diff, history), the
// work-tree loader and the CLI's readers.

/** The config at the root, first found wins. */
export const CONFIG_PATHS: readonly string[] = ['agentgate.yaml', 'agentgate.yml'];

/**
 * A config below the root is never read as the config, yet a runtime pointed at its folder once adopted it: every
 * one, at any depth, changes the gate and is judged as a gate file.
 */
export const NESTED_CONFIG_PATTERNS: readonly string[] = ['**/agentgate.yaml', '**/agentgate.yml'];

/** CODEOWNERS in GitHub's lookup order: the first that exists is the only one GitHub reads. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;
export const CODEOWNERS_PATHS: readonly string[] = CODEOWNERS_LOCATIONS;

/**
 * Files that change the gates themselves: always control plane, whatever the configured globs say, and owned by
 * the control plane's owners in CODEOWNERS.
 */
export const GATE_FILE_PATTERNS: readonly string[] = [
  ...CONFIG_PATHS,
  ...NESTED_CONFIG_PATTERNS,
  ...CODEOWNERS_PATHS,
  '.github/workflows/**',
  '.github/actions/**',
  'action.yml',
  'action.yaml',
  '.gitattributes',
];

/**
 * Inside the gate-file globs, files no runner executes: a gh-aw workflow's `.md` is its source, split by meaning
 * like any agent file (its body is data plane, its front matter control); its compiled `.lock.yml` is what runs
 * and stays a gate file.
 */
export const GATE_FILE_EXCEPTIONS: readonly string[] = ['.github/workflows/**/*.md'];

/** Files over this size are refused with a finding instead of being parsed (manifests, prompts, the config). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
