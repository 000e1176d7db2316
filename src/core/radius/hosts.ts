import { compareSets } from './scopes.js';
import type { SetComparison } from './scopes.js';

/**
 * Egress host containment. `*` covers every host; `*.example.com` covers subdomains at any depth
 * (`api.example.com`, `a.b.example.com`, and the pattern `*.api.example.com`) but not `example.com` itself.
 * Hosts compare case-insensitively and a trailing dot is ignored. Anything else (ports, a `*` in the
 * middle) compares literally, so an unusual spelling is never covered by accident.
 */

const ALL_HOSTS = '*';

export function normalizeHost(host: string): string {
  const lowered = host.trim().toLowerCase();
  return lowered.endsWith('.') && lowered !== '.' ? lowered.slice(0, -1) : lowered;
}

function coversNormalized(general: string, specific: string): boolean {
  if (general === specific || general === ALL_HOSTS) return true;
  if (!general.startsWith('*.')) return false;
  const suffix = general.slice(1);
  return specific.length > suffix.length && specific.endsWith(suffix);
}

export function hostCovers(general: string, specific: string): boolean {
  return coversNormalized(normalizeHost(general), normalizeHost(specific));
}

export function hostSetCovers(set: readonly string[], host: string): boolean {
  const specific = normalizeHost(host);
  for (const general of set) if (coversNormalized(normalizeHost(general), specific)) return true;
  return false;
}

/** `added`/`removed` hold normalized hosts, so `API.example.com.` -> `api.example.com` is `same`. */
export function compareHostSets(before: readonly string[], after: readonly string[]): SetComparison {
  return compareSets(before.map(normalizeHost), after.map(normalizeHost), hostSetCovers);
}

/** True only when an internal pattern covers the host: `*` egress is internal only if `*` is. */
export function isInternalHost(host: string, internalHosts: readonly string[]): boolean {
  return hostSetCovers(internalHosts, host);
}
