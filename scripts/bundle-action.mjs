// Bundles the GitHub Action (src/action/main.ts) into one committed file, action/dist/index.js, so that the
// action runs with no `npm install`. Usage: node scripts/bundle-action.mjs [outfile] [--stamp]
//
// The bundle records which agentgate it is. The committed bundle cannot name the commit it is committed in (a
// commit cannot contain its own hash), and stamping the commit it was built from would make every commit's bundle
// stale; so it records its version only (commit unknown, not a release), and the Action names the commit it runs
// at from GITHUB_ACTION_REF. --stamp (the release workflow) records this build's dist/build-info.json instead,
// for the bundle attached to a release.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the committed bundle records: its version, and why it cannot be a release by itself. */
export function committedBuildInfo() {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return {
    name: 'agentgate',
    version,
    repository: null,
    commit: null,
    release: false,
    reason: 'the committed Action bundle cannot record the commit it is committed in',
  };
}

export async function bundleAction(outfile, info = committedBuildInfo()) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/action/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { __AGENTGATE_BUILD_INFO__: JSON.stringify(info) },
    // CommonJS dependencies call require(); give the ESM bundle one
    banner: {
      js: "import { createRequire as __agentgateCreateRequire } from 'node:module';\nconst require = __agentgateCreateRequire(import.meta.url);",
    },
    // jsonc-parser's `main` is a UMD build whose require('./impl/format') esbuild cannot follow: bundle its ESM build
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    legalComments: 'none',
    sourcemap: false,
    minify: false,
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const stamp = args.includes('--stamp');
  const outfile = args.find((arg) => !arg.startsWith('--')) ?? 'action/dist/index.js';
  const info = stamp
    ? JSON.parse(readFileSync(new URL('../dist/build-info.json', import.meta.url), 'utf8'))
    : committedBuildInfo();
  await bundleAction(outfile, info);
}
