/**
 * Scope containment. A scope is ':'-separated segments (`billing:refund`, `repo:contents:read`); a segment
 * that is exactly `*` stands for any one whole segment, and a lone `*` stands for every scope.
 *
 * Segment counts must match: `repo:*` covers `repo:status` but not `repo:contents:read`, and `*:*` covers
 * every two-segment scope, nothing longer. When two scopes of different lengths meet, neither covers the
 * other, so swapping one for the other always reports `widened` — the reading that fails closed.
 * A `*` inside a segment (`bill*`) is a literal character; segments compare case-sensitively.
 */

export type SetChangeKind = 'widened' | 'narrowed' | 'changed' | 'same';

export interface SetComparison {
  kind: SetChangeKind;
  /** entries present after and not before, sorted */
  added: string[];
  /** entries present before and not after, sorted */
  removed: string[];
}

const WILDCARD = '*';

export function scopeCovers(general: string, specific: string): boolean {
  if (general === specific || general === WILDCARD) return true;
  const wanted = general.split(':');
  const given = specific.split(':');
  if (wanted.length !== given.length) return false;
  for (let i = 0; i < wanted.length; i++) {
    const segment = wanted[i];
    if (segment !== WILDCARD && segment !== given[i]) return false;
  }
  return true;
}

export function scopeSetCovers(set: readonly string[], scope: string): boolean {
  for (const general of set) if (scopeCovers(general, scope)) return true;
  return false;
}

/** Set difference and containment in both directions, with a caller-chosen containment rule. */
export function compareSets(
  before: readonly string[],
  after: readonly string[],
  covers: (set: readonly string[], item: string) => boolean,
): SetComparison {
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  const added = [...afterSet].filter((item) => !beforeSet.has(item)).sort();
  const removed = [...beforeSet].filter((item) => !afterSet.has(item)).sort();
  // Only new entries can escape the old set, and only dropped ones can escape the new set.
  if (added.some((item) => !covers(before, item))) return { kind: 'widened', added, removed };
  if (removed.some((item) => !covers(after, item))) return { kind: 'narrowed', added, removed };
  if (added.length > 0 || removed.length > 0) return { kind: 'changed', added, removed };
  return { kind: 'same', added, removed };
}

export function compareScopeSets(before: readonly string[], after: readonly string[]): SetComparison {
  return compareSets(before, after, scopeSetCovers);
}
