import type { FindingCode } from './finding-code.js';
import type { Finding } from './types.js';

/**
 * Findings that mean a file could not be read at all (a manifest, or eval results). `diff` treats them as
 * unreadable input (exit 2); `check` turns them into a failed status of their plane; `validate` lists them all.
 */
const UNREADABLE_CODES = new Set<FindingCode>([
  'yaml-parse',
  'duplicate-key',
  'alias-limit',
  'unknown-tag',
  'schema',
  'non-ascii-name',
  'json-parse',
  'eval-results-invalid',
]);

/** Findings about eval results belong to the data plane although the results file sits outside both planes. */
export function isEvalFinding(finding: Finding): boolean {
  return finding.code.startsWith('eval-');
}

export function isUnreadableFinding(finding: Finding): boolean {
  return finding.severity === 'error' && UNREADABLE_CODES.has(finding.code);
}
