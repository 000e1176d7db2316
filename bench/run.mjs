#!/usr/bin/env node
// npm run bench: times `agentgate diff --format json` against the git floor in the same run, and
// `agentgate --version`. Prints the ratio, wall time (median) and peak memory (max RSS of the Node process).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepo } from './generate.mjs';
import { runHistoryBench } from './history.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/bin/agentgate.js');
const work = join(root, '.bench');
mkdirSync(work, { recursive: true });
const rssFile = join(tmpdir(), `agentgate-bench-rss-${process.pid}`);
const rssHook = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`,
)}`;

function time(args, cwd, runs) {
  const walls = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', rssHook, ...args], { cwd, maxBuffer: 1 << 30 });
    walls.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    rss = Math.max(rss, Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  walls.sort((a, b) => a - b);
  return { ms: walls[Math.floor(walls.length / 2)], rssMb: rss };
}

const scenarios = [
  { tools: 50, changed: 3, runs: 15, target: (r) => `ratio ${r.ratio.toFixed(2)}x (target <= 1.5x)` },
  {
    tools: 10000,
    changed: 1000,
    runs: 3,
    target: (r) =>
      `${(r.agentgate.ms / 1000).toFixed(2)} s, ${r.agentgate.rssMb.toFixed(0)} MB (target <= 3 s, <= 400 MB)`,
  },
];
const only = process.argv[2];
console.log(`agentgate bench (node ${process.version}, ${process.platform}/${process.arch})\n`);
for (const s of scenarios) {
  if (only && only !== String(s.tools)) continue;
  const repo = generateRepo(work, s.tools, s.changed);
  const floor = time([join(root, 'bench/floor.mjs'), repo.dir, repo.base, repo.head], repo.dir, s.runs);
  const agentgate = time(
    [cli, 'diff', '--base', repo.base, '--head', repo.head, '--format', 'json'],
    repo.dir,
    s.runs,
  );
  const result = { floor, agentgate, ratio: agentgate.ms / floor.ms };
  console.log(
    `${s.tools} tools / ${s.changed} changed: agentgate ${agentgate.ms.toFixed(0)} ms (${agentgate.rssMb.toFixed(0)} MB), git floor ${floor.ms.toFixed(0)} ms, ${s.target(result)}`,
  );
}
const version = time([cli, '--version'], root, 15);
console.log(`agentgate --version: ${version.ms.toFixed(0)} ms (target <= 120 ms)`);
rmSync(rssFile, { force: true });
if (!only || only === 'history') for (const line of runHistoryBench()) console.log(line);
