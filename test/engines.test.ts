// `engines` says the truth: every package `npm ci` installs declares that it runs on the lowest Node our own
// `engines` admits, and on Node 24 (the other Node CI runs, and the Action's runtime).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Manifest {
  name?: string;
  version?: string;
  engines?: { node?: unknown };
}

/** Every package installed under node_modules, nested copies included. */
function installedPackages(dir: string, found: { path: string; manifest: Manifest }[] = []) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (entry.startsWith('@')) {
      installedPackages(path, found);
      continue;
    }
    const file = join(path, 'package.json');
    if (!existsSync(file)) continue;
    found.push({ path, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest });
    installedPackages(join(path, 'node_modules'), found);
  }
  return found;
}

/** Which installed packages say they do not run on `node`. */
function excluding(node: string): string[] {
  return installedPackages(join(ROOT, 'node_modules')).flatMap(({ path, manifest }) => {
    const range = manifest.engines?.node;
    if (typeof range !== 'string' || range.trim() === '') return [];
    const ok = semver.validRange(range) !== null && semver.satisfies(node, range);
    return ok ? [] : [`${manifest.name ?? path}@${manifest.version ?? '?'} needs node ${range}`];
  });
}

const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const ownRange = String(own.engines?.node ?? '');

describe('engines', () => {
  it('our own range is a valid semver range with a lowest version', () => {
    expect(semver.validRange(ownRange)).not.toBeNull();
    expect(semver.minVersion(ownRange)).not.toBeNull();
  });

  it('no installed package excludes the lowest Node our engines admits', () => {
    const lowest = semver.minVersion(ownRange)?.version ?? 'none';
    expect(installedPackages(join(ROOT, 'node_modules')).length).toBeGreaterThan(50);
    expect(excluding(lowest)).toEqual([]);
  });

  it('no installed package excludes Node 24, and our range admits it', () => {
    expect(semver.satisfies('24.0.0', ownRange)).toBe(true);
    expect(excluding('24.0.0')).toEqual([]);
  });

  it('the check can fail: Node 20.0.0 is excluded by packages npm ci installs', () => {
    expect(excluding('20.0.0').length).toBeGreaterThan(0);
  });
});
