// Records which agentgate a build is: its version, the commit it was built from and whether it is a release (a
// clean tree at the commit the tag v<version> names). Written to dist/build-info.json, which the CLI reads for
// --version and which `init` pins the Action from; the npm package carries it. Runs after tsc (it uses dist/git).
// A build with no git (a copy of the sources, git missing) still builds: its commit is unknown, not a release.
// Usage: node scripts/write-build-info.mjs [outfile]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildInfo() {
  const { readBuildIdentity } = await import('../dist/git/build-identity.js');
  const { decideBuild, releaseTag } = await import('../dist/model/build-info.js');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const identity = await readBuildIdentity(root, releaseTag(version));
  // in GitHub Actions the repository the release is published from is known; elsewhere init names its default
  const repository = process.env.GITHUB_ACTIONS === 'true' ? (process.env.GITHUB_REPOSITORY ?? null) : null;
  return decideBuild(version, identity, repository);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? fileURLToPath(new URL('../dist/build-info.json', import.meta.url));
  const info = await buildInfo();
  writeFileSync(out, `${JSON.stringify(info, null, 2)}\n`);
}
