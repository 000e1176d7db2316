// The git floor: what any tool must at least do to see the same change, from a fresh Node process (Node's own
// start included): `git diff --raw` between the refs, `git ls-tree -r` of both sides, and ONE
// `git cat-file --batch` over the blobs of both sides (each blob once).
import { execFileSync, spawnSync } from 'node:child_process';

const [cwd, base, head] = process.argv.slice(2);
const git = (args) => execFileSync('git', args, { cwd, maxBuffer: 1 << 30 });
const raw = git(['diff', '--raw', '-z', '--no-abbrev', base, head]);
const oids = new Set();
for (const ref of [base, head]) {
  for (const entry of git(['ls-tree', '-r', '-z', '--full-tree', ref]).toString('utf8').split('\0')) {
    const [mode, type, oid] = entry.slice(0, entry.indexOf('\t')).split(' ');
    if (type === 'blob' && mode !== '120000') oids.add(oid);
  }
}
const out = spawnSync('git', ['cat-file', '--batch'], {
  cwd,
  input: `${[...oids].join('\n')}\n`,
  maxBuffer: 1 << 30,
});
process.stdout.write(`${raw.length} diff bytes, ${oids.size} blobs, ${out.stdout.length} bytes\n`);
