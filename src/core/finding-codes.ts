import type { Finding } from './types.js';

/**
 * Findings that mean a file could not be read as a manifest at all. `diff` treats them as unreadable input
 * (exit 2); `check` turns them into a failed control-plane status; `validate` lists them all.
 */
const UNREADABLE_CODES = new Set([
  'yaml-parse',
  'duplicate-key',
  'alias-limit',
  'unknown-tag',
  'schema',
  'non-ascii-name',
  'json-parse',
]);

export function isUnreadableFinding(finding: Finding): boolean {
  return finding.severity === 'error' && UNREADABLE_CODES.has(finding.code);
}
