// Installs the npm package `node@<major>` into `prefix` (the npm registry is the only network it needs) and returns
// the path of its binary. One installer for CI's supported Node (with-node.mjs), the Action's Node 24 test and the
// bench. Throws when npm fails, so a caller that can go on without that Node catches it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where `installNode` puts the binary under `prefix`, whether or not it is there yet. */
export const nodeBinaryIn = (prefix) => join(prefix, 'node_modules', 'node', 'bin', 'node');

export function installNode(major, prefix) {
  mkdirSync(prefix, { recursive: true });
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      `node@${major}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return nodeBinaryIn(prefix);
}
