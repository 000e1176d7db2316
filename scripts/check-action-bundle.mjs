// Fails when the committed action/dist/index.js is not what the sources bundle to today (a stale action
// would run old gate code in every repository that uses it). Usage: node scripts/check-action-bundle.mjs
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAction } from './bundle-action.mjs';

const committed = fileURLToPath(new URL('../action/dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'agentgate-action-'));
try {
  const fresh = join(dir, 'index.js');
  await bundleAction(fresh);
  if (!existsSync(committed)) {
    console.error('action/dist/index.js is missing: run node scripts/bundle-action.mjs and commit it');
    process.exit(1);
  }
  if (!readFileSync(fresh).equals(readFileSync(committed))) {
    console.error('action/dist/index.js is stale: run node scripts/bundle-action.mjs and commit it');
    process.exit(1);
  }
  console.log('action/dist/index.js is up to date');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
