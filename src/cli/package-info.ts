import { readFileSync } from 'node:fs';

/**
 * agentgate's own package.json, found by walking up from this module: the same code runs from `dist/` (tsc) and
 * from the bundled `dist/bin/` chunks, at different depths.
 */
export function readOwnPackage(): { name: string; version: string } {
  let dir = new URL('.', import.meta.url);
  for (let depth = 0; depth < 6; depth += 1) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'agentgate' && typeof pkg.version === 'string')
        return { name: pkg.name, version: pkg.version };
    } catch {
      // not here: keep walking up
    }
    dir = new URL('..', dir);
  }
  return { name: 'agentgate', version: '0.0.0' };
}
