// How a credential list changes, for a tool or a server alike: one rule, so neither can be laundered past the
// other's stricter reading.
import { compareScopeSets } from './scopes.js';
import type { SetComparison } from './scopes.js';
import type { Credential, FieldChange } from '../../model/types.js';

/** A set's change as a field change; undefined when the sets are the same. */
export function setChange(field: string, comparison: SetComparison): FieldChange | undefined {
  if (comparison.kind === 'same') return undefined;
  return { field, kind: comparison.kind, added: comparison.added, removed: comparison.removed };
}

/**
 * Credentials added or removed, and each kept credential's scopes. Removing every scope of a credential leaves it
 * unscoped (the token's whole authority): that is no narrowing, it is widened.
 */
export function credentialChanges(
  before: { credentials: readonly Credential[] },
  after: { credentials: readonly Credential[] },
): FieldChange[] {
  const b = new Map(before.credentials.map((credential) => [credential.name, credential.scopes]));
  const a = new Map(after.credentials.map((credential) => [credential.name, credential.scopes]));
  const added = [...a.keys()].filter((name) => !b.has(name)).sort();
  const removed = [...b.keys()].filter((name) => !a.has(name)).sort();
  const changes: FieldChange[] = [];
  if (added.length > 0 || removed.length > 0) {
    changes.push({ field: 'credentials', kind: added.length > 0 ? 'widened' : 'narrowed', added, removed });
  }
  for (const name of [...a.keys()].filter((key) => b.has(key)).sort()) {
    const afterScopes = a.get(name) ?? [];
    const change = setChange(`credentials.${name}.scopes`, compareScopeSets(b.get(name) ?? [], afterScopes));
    if (!change) continue;
    if (afterScopes.length === 0) change.kind = 'widened';
    changes.push(change);
  }
  return changes;
}
