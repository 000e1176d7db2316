// The git floor: what any tool must at least do to see the same change. `git diff --raw` between the refs
// plus one `git cat-file --batch` over the changed blobs (both sides), from a fresh Node process.
import { execFileSync, spawnSync } from 'node:child_process';

const [cwd, base, head] = process.argv.slice(2);
const raw = execFileSync('git', ['diff', '--raw', '-z', '--no-abbrev', base, head], {
  cwd,
  maxBuffer: 1 << 30,
}).toString();
const oids = [];
for (const field of raw.split('\0')) {
  if (!field.startsWith(':')) continue;
  const [, , before, after] = field.slice(1).split(' ');
  for (const oid of [before, after]) if (oid && !/^0+$/.test(oid)) oids.push(oid);
}
const out = spawnSync('git', ['cat-file', '--batch'], {
  cwd,
  input: `${oids.join('\n')}\n`,
  maxBuffer: 1 << 30,
});
process.stdout.write(`${oids.length} blobs, ${out.stdout.length} bytes\n`);
