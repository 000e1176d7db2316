// Runs the committed action bundle (action/dist/index.js) on Node 24, the runtime action.yml names: the action's
// end-to-end test (a real git repository, the fake GitHub on 127.0.0.1) runs under a Node 24 binary, so that the
// bundle it spawns with process.execPath is Node 24 too. Whatever Node runs `npm test`, the Action is tried on the
// runtime GitHub gives it.
//
// The binary comes from AGENTGATE_NODE24 when set (a path to a node 24 executable), otherwise from the npm package
// `node@24` installed into a temporary folder (the npm registry is the only network this needs).
// Usage: node scripts/test-action-node24.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installNode } from './install-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAJOR = 'v24.';

const temp = process.env.AGENTGATE_NODE24 ? null : mkdtempSync(join(tmpdir(), 'agentgate-node24-'));
try {
  const node = process.env.AGENTGATE_NODE24 ?? installNode(24, temp);
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(MAJOR)) {
    console.error(`${node} is ${version}, not Node 24: set AGENTGATE_NODE24 to a Node 24 binary`);
    process.exit(1);
  }
  console.log(`running the action bundle's end-to-end test on Node ${version}`);
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const run = spawnSync(
    node,
    [vitest, 'run', 'test/github/action-e2e.test.ts', 'test/github/action-release-e2e.test.ts'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  process.exitCode = run.status ?? 1;
} finally {
  if (temp) rmSync(temp, { recursive: true, force: true });
}
