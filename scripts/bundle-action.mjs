// Bundles the GitHub Action (src/action/main.ts) into one committed file, action/dist/index.js, so that the
// action runs with no `npm install`. Usage: node scripts/bundle-action.mjs [outfile]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function bundleAction(outfile) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/action/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
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
  await bundleAction(process.argv[2] ?? 'action/dist/index.js');
}
