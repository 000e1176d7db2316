// Tests under test/cli, test/github and test/runtime drive the built CLI in dist/. So that `npx vitest run` right
// after `npm ci` passes, and no test ever judges yesterday's build, dist/ is built once here when it is missing
// or older than anything it is built from. `npm test` builds first, so here it costs one walk over the sources.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Everything `npm run build` writes; the oldest of them dates the build. */
const OUTPUTS = [
  'dist/index.js',
  'dist/schemas/config.json',
  'dist/schemas/validators.standalone.cjs',
  'dist/bin/agentgate.js',
];
/** Everything the build reads, besides src/. */
const INPUTS = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/write-schemas.mjs',
  'scripts/build-validators.mjs',
  'scripts/bundle-cli.mjs',
];

function mtime(root: string, path: string): number | null {
  try {
    return statSync(join(root, path)).mtimeMs;
  } catch {
    return null;
  }
}

function newestUnder(root: string, dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(root, path));
    else if (entry.isFile()) newest = Math.max(newest, mtime(root, path) ?? 0);
  }
  return newest;
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
export function staleReason(root = ROOT): string | null {
  const outputs = OUTPUTS.map((path) => [path, mtime(root, path)] as const);
  const missing = outputs.find(([, time]) => time === null);
  if (missing) return `${missing[0]} is missing`;
  const built = Math.min(...outputs.map(([, time]) => time ?? 0));
  const inputs = Math.max(newestUnder(root, 'src'), ...INPUTS.map((path) => mtime(root, path) ?? 0));
  return inputs > built ? 'the sources changed after the last build' : null;
}

export default function setup(): void {
  const reason = staleReason();
  if (reason === null) return;
  process.stderr.write(`building dist/ for the tests (${reason})\n`);
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
