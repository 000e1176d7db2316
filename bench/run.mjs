#!/usr/bin/env node
// npm run bench: times `agentgate diff --format json` against the git floor (bench/floor.mjs) side by side in
// the same run, runs alternating so that a change in the machine's load hits both alike, and `agentgate
// --version`. Prints medians, the ratio, peak memory (max RSS of the Node process) and the load average.
// `node bench/run.mjs 50` (or 10000, 50000, history, version) runs one scenario.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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

function once(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', rssHook, ...args], { cwd, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return { ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Runs the commands in turn, `runs` times, after one untimed warm-up each; medians and peak RSS per command. */
function sideBySide(commands, cwd, runs) {
  for (const args of commands) once(args, cwd);
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((args, k) => samples[k].push(once(args, cwd)));
  return samples.map((s) => ({ ms: median(s.map((x) => x.ms)), rssMb: Math.max(...s.map((x) => x.rssMb)) }));
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const scenarios = [
  { tools: 50, changed: 3, runs: 21, target: (r) => `ratio ${r.ratio.toFixed(2)}x (target <= 1.6x)` },
  {
    tools: 10000,
    changed: 1000,
    runs: 5,
    target: (r) =>
      `${(r.agentgate.ms / 1000).toFixed(2)} s, ${r.agentgate.rssMb.toFixed(0)} MB (target <= 2 s, <= 300 MB)`,
  },
  {
    tools: 50000,
    changed: 5000,
    runs: 3,
    target: (r) =>
      `${(r.agentgate.ms / 1000).toFixed(2)} s, ${r.agentgate.rssMb.toFixed(0)} MB (target <= 6 s, <= 600 MB)`,
  },
];
const only = process.argv[2];
console.log(
  `agentgate bench (node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load ${load()})\n`,
);
for (const s of scenarios) {
  if (only && only !== String(s.tools)) continue;
  const repo = generateRepo(work, s.tools, s.changed);
  const [floor, agentgate] = sideBySide(
    [
      [join(root, 'bench/floor.mjs'), repo.dir, repo.base, repo.head],
      [cli, 'diff', '--base', repo.base, '--head', repo.head, '--format', 'json'],
    ],
    repo.dir,
    s.runs,
  );
  const result = { floor, agentgate, ratio: agentgate.ms / floor.ms };
  console.log(
    `${s.tools} tools / ${s.changed} changed: agentgate ${agentgate.ms.toFixed(0)} ms (${agentgate.rssMb.toFixed(0)} MB), git floor ${floor.ms.toFixed(0)} ms, ${s.target(result)} [load ${load()}]`,
  );
}
if (!only || only === 'version') {
  const [version] = sideBySide([[cli, '--version']], root, 15);
  console.log(`agentgate --version: ${version.ms.toFixed(0)} ms (target <= 120 ms) [load ${load()}]`);
}
rmSync(rssFile, { force: true });
if (!only || only === 'history')
  for (const line of runHistoryBench()) console.log(`${line} [load ${load()}]`);
