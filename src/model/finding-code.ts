// Every finding code agentgate reports, in one union: a new check adds its code here (and to docs/), and
// `Finding.code` accepts no other string. Grouped by what reports them.

/** Reading files: YAML/JSON, manifests, the paths and files a loader refuses. */
export const INPUT_CODES = [
  'yaml-parse',
  'duplicate-key',
  'alias-limit',
  'unknown-tag',
  'json-parse',
  'schema',
  'empty-manifest',
  'non-ascii-name',
  'encoding',
  'file-too-large',
  'file-refused',
  'symlink-refused',
  'path-refused',
] as const;

/** The config file (agentgate.yaml). */
export const CONFIG_CODES = [
  'signoffs-decreasing',
  'planes-overlap',
  'waiver-expired',
  'unknown-source',
  'inert-key-is-authority',
  'signoff-unsatisfiable',
  'config-below-root',
] as const;

/** Source adapters (src/sources): one per client config format. */
export const SOURCE_FINDING_CODES = [
  'source-parse',
  'source-shape',
  'source-duplicate-key',
  'source-unsafe-key',
  'source-limit',
  'source-unknown-input',
  'server-not-launchable',
  'server-transport-ambiguous',
  'server-package-unpinned',
  'secret-in-config',
  'unknown-authority-key',
  'referenced-executable',
  'gh-aw-lock-stale',
] as const;

/** The registry's own rules: radius, names, bindings, text that reads as instructions. */
export const REGISTRY_CODES = [
  'effect-understated',
  'radius-assumed',
  'annotation-contradicts-name',
  'credential-unscoped',
  'radius-over-max',
  'server-tools-unpinned',
  'duplicate-tool',
  'duplicate-server',
  'duplicate-prompt',
  'unknown-tool-binding',
  'prompt-bindings-unknown',
  'confusable-name',
  'control-characters',
  'hidden-unicode',
  'instruction-like-text',
] as const;

/** The data plane's diff: prompt versions, models, output schemas, variables. */
export const PROMPT_CODES = [
  'version-decreased',
  'version-not-bumped',
  'model-changed',
  'output-schema-breaking',
  'undeclared-variable',
] as const;

/** Eval results: data-plane findings although the results file sits outside both planes. */
export const EVAL_CODES = ['eval-results-invalid', 'eval-results-untrusted'] as const;

/** `agentgate codeowners`: who owns each plane and the gate files. */
export const CODEOWNERS_CODES = [
  'codeowners-missing',
  'codeowners-syntax',
  'plane-unowned',
  'no-plane-rule',
  'owner-overridden',
  'fused-ownership',
  'shared-owner',
  'gate-unowned',
  'gate-owner-mismatch',
  'source-unowned',
  'source-owner-mismatch',
] as const;

export const FINDING_CODES = [
  ...INPUT_CODES,
  ...CONFIG_CODES,
  ...SOURCE_FINDING_CODES,
  ...REGISTRY_CODES,
  ...PROMPT_CODES,
  ...EVAL_CODES,
  ...CODEOWNERS_CODES,
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
