/**
 * Prompt versions: integers or semver. An integer N reads as N.0.0, so a switch between the two schemes is
 * ordered too (4 -> 4.1.0 is a bump, 4.1.0 -> 4 goes backwards). Anything else cannot be ordered: it only
 * has to change.
 */

interface ParsedVersion {
  core: [bigint, bigint, bigint];
  prerelease: string[];
}

const INTEGER = /^(0|[1-9][0-9]*)$/;
const SEMVER =
  /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

function parseVersion(version: string): ParsedVersion | null {
  const text = version.trim();
  if (INTEGER.test(text)) return { core: [BigInt(text), 0n, 0n], prerelease: [] };
  const match = SEMVER.exec(text);
  if (match === null) return null;
  return {
    core: [BigInt(match[1]!), BigInt(match[2]!), BigInt(match[3]!)],
    prerelease: match[4] === undefined ? [] : match[4].split('.'),
  };
}

/**
 * Negative when `after` is older than `before`, positive when newer, 0 when of equal precedence; null when
 * either is missing or cannot be ordered.
 */
export function compareVersions(before: string | undefined, after: string | undefined): number | null {
  if (before === undefined || after === undefined) return null;
  const a = parseVersion(before);
  const b = parseVersion(after);
  if (a === null || b === null) return null;
  for (let i = 0; i < 3; i++) {
    if (a.core[i]! !== b.core[i]!) return b.core[i]! > a.core[i]! ? 1 : -1;
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

/** semver section 11: a release outranks its pre-releases; identifiers compare numerically, then as text. */
function comparePrerelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? -1 : 1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const xNumeric = /^[0-9]+$/.test(x);
    const yNumeric = /^[0-9]+$/.test(y);
    if (xNumeric && yNumeric) return BigInt(y) > BigInt(x) ? 1 : -1;
    if (xNumeric !== yNumeric) return xNumeric ? 1 : -1;
    return y > x ? 1 : -1;
  }
  return Math.sign(b.length - a.length);
}

export type VersionMove = 'bumped' | 'same' | 'decreased' | 'removed';

export function classifyVersionMove(before: string | undefined, after: string | undefined): VersionMove {
  if (after === undefined) return before === undefined ? 'same' : 'removed';
  if (before === undefined) return 'bumped';
  const order = compareVersions(before, after);
  if (order === null) return before.trim() === after.trim() ? 'same' : 'bumped';
  return order > 0 ? 'bumped' : order < 0 ? 'decreased' : 'same';
}
