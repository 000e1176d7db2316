import { readFileSync } from 'node:fs';
import { parseBuildInfo, unrecordedBuild } from '../model/build-info.js';
import type { BuildInfo } from '../model/build-info.js';

// The Action's bundle carries its build info inline (scripts/bundle-action.mjs defines it): it runs as one file.
declare const __AGENTGATE_BUILD_INFO__: unknown;

/**
 * This build's record: inline in the Action's bundle, else build-info.json found by walking up from this module
 * (dist/bin/ chunks and dist/ modules sit at different depths) no further than agentgate's own package.json.
 */
export function readBuildInfo(from: string | URL = import.meta.url): BuildInfo {
  if (typeof __AGENTGATE_BUILD_INFO__ !== 'undefined')
    return parseBuildInfo(__AGENTGATE_BUILD_INFO__, '0.0.0');
  let dir = new URL('.', from);
  for (let depth = 0; depth < 6; depth += 1) {
    const recorded = readJson(new URL('build-info.json', dir));
    const pkg = readJson(new URL('package.json', dir)) as { name?: unknown; version?: unknown } | null;
    const version = pkg?.name === 'agentgate' && typeof pkg.version === 'string' ? pkg.version : null;
    if (recorded !== null) return parseBuildInfo(recorded, version ?? ownVersion(dir));
    if (version !== null) return unrecordedBuild(version);
    dir = new URL('..', dir);
  }
  return unrecordedBuild('0.0.0');
}

function ownVersion(dir: URL): string {
  const pkg = readJson(new URL('../package.json', dir)) as { version?: unknown } | null;
  return typeof pkg?.version === 'string' ? pkg.version : '0.0.0';
}

function readJson(url: URL): unknown {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as unknown;
  } catch {
    return null; // absent or unreadable: not here
  }
}
