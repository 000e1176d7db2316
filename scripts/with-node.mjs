// Runs a command on a Node that package.json's `engines` admits: this Node when it is admitted, else the lowest
// major `engines` names, from the npm package `node@<major>` installed once into a folder in the temp directory
// (the npm registry is the only network this needs; AGENTGATE_NODE names a binary to use instead). The command
// finds that Node first on PATH, so `npm` and `node` inside it run on it too. .ci/run starts through this, so that
// a machine with an older Node still runs the suite on a supported one.
// Usage: node scripts/with-node.mjs COMMAND [ARGS...]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { installNode, nodeBinaryIn } from './install-node.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const range = pkg.engines.node;

/** `^22.13.0 || >=24` admits `version`? Only the shapes our own range uses: `^X.Y.Z` and `>=X[.Y.Z]`. */
export function admits(range, version) {
  const v = parse(version);
  return range.split('||').some((part) => {
    const [, op, rest] = /^\s*(\^|>=)\s*(\S+)\s*$/.exec(part) ?? [];
    if (!op) throw new Error(`with-node: cannot read engines.node part ${JSON.stringify(part)}`);
    const min = parse(rest);
    if (compare(v, min) < 0) return false;
    return op === '>=' || v[0] === min[0];
  });
}
const parse = (text) =>
  text
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);
const compare = (a, b) => a[0] - b[0] || (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0);

function supportedNode() {
  if (admits(range, process.version)) return process.execPath;
  if (process.env.AGENTGATE_NODE) return process.env.AGENTGATE_NODE;
  const major = /(\d+)/.exec(range)[1];
  const dir = join(tmpdir(), `agentgate-node${major}-${process.getuid?.() ?? 'user'}`);
  const binary = nodeBinaryIn(dir);
  if (!existsSync(binary)) {
    console.error(
      `Node ${process.version} is outside engines ${range}: installing node@${major} into ${dir}`,
    );
    installNode(major, dir);
  }
  return binary;
}

if (process.argv[1] && process.argv[1].endsWith('with-node.mjs')) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: node scripts/with-node.mjs COMMAND [ARGS...]');
    process.exit(2);
  }
  const node = supportedNode();
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (!admits(range, version)) {
    console.error(`with-node: ${node} is ${version}, outside engines ${range}`);
    process.exit(1);
  }
  console.error(`running on Node ${version} (engines ${range})`);
  const run = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` },
  });
  process.exitCode = run.status ?? 1;
}
