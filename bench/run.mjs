#!/usr/bin/env node
// npm run bench: times `agentgate diff --format json` against the git floor (bench/floor.mjs) side by side in
// the same run, on every Node given, runs alternating so that a change in the machine's load hits all alike, and
// `agentgate --version`. Prints medians with the range (min-max), the ratio, peak memory (max RSS of the Node
// process) and the load average.
//
//   node bench/run.mjs [50|10000|50000|version|history] [--node BIN]... [--runs N]
//
// The Nodes: every `--node BIN`, else AGENTGATE_BENCH_NODES (a list split like PATH), else this Node plus Node 20
// and 24 where this is neither: AGENTGATE_NODE20 / AGENTGATE_NODE24, else one installed in .bench/node24 (or
// /tmp/node24), else `npm install --prefix .bench/node24 node@24` once. The Action runs on Node 24; the CLI runs
// on whatever the user has (>= 20), so both are measured.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepo } from './generate.mjs';
import { runHistoryBench } from './history.mjs';
import { installNode } from '../scripts/install-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/bin/agentgate.js');
const work = join(root, '.bench');
mkdirSync(work, { recursive: true });
const rssFile = join(tmpdir(), `agentgate-bench-rss-${process.pid}`);
// At exit, each measured process writes its peak memory and its CPU time, its own and (on Linux, from
// /proc/self/stat) that of the git processes it waited for: CPU time, unlike the wall clock, hardly moves with
// the machine's load.
const rssHook = `data:text/javascript,${encodeURIComponent(
  `import { readFileSync, writeFileSync } from 'node:fs';
process.on('exit', () => {
  const usage = process.resourceUsage();
  let children = 0;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    children = ((Number(fields[13]) + Number(fields[14])) / 100) * 1e6;
  } catch {}
  writeFileSync(${JSON.stringify(rssFile)}, [usage.maxRSS, usage.userCPUTime + usage.systemCPUTime + children].join(' '));
});`,
)}`;

const argv = process.argv.slice(2);
const flag = (name) => {
  const values = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === name && argv[i + 1]) values.push(argv[++i]);
  return values;
};
const only = argv.find((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const runsOverride = Number(flag('--runs')[0]) || undefined;

// the Node these machines ship (20) and the Action's runtime (action.yml: 24), side by side
const WANTED_MAJORS = [20, 24];

/** A Node of this major: AGENTGATE_NODE<major>, one installed under .bench/ or /tmp/, else npm's `node@<major>`. */
function nodeOfMajor(major) {
  const fromEnv = process.env[`AGENTGATE_NODE${major}`];
  if (fromEnv) return fromEnv;
  const prefixes = [join(work, `node${major}`), `/tmp/node${major}`];
  const found = prefixes
    .map((prefix) => join(prefix, 'node_modules/.bin/node'))
    .find((bin) => existsSync(bin));
  if (found) return found;
  console.log(`(installing node@${major} into .bench/node${major} with npm, once)`);
  try {
    return installNode(major, prefixes[0]);
  } catch {
    // no registry, or no such Node: the bench goes on with the Nodes it has
  }
  console.log(`(no Node ${major}: pass one with --node BIN to measure it too)\n`);
  return null;
}

function findNodes() {
  const given = flag('--node');
  if (given.length > 0) return given;
  const fromEnv = (process.env.AGENTGATE_BENCH_NODES ?? '').split(delimiter).filter(Boolean);
  if (fromEnv.length > 0) return fromEnv;
  const current = Number(process.versions.node.split('.')[0]);
  const others = WANTED_MAJORS.filter((major) => major !== current).map(nodeOfMajor);
  return [process.execPath, ...others.filter(Boolean)];
}
const nodes = findNodes().map((bin) => {
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!version) throw new Error(`bench: ${bin} is not a working node`);
  return { bin, version };
});

function once(node, args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node.bin, ['--import', rssHook, ...args], { cwd, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(' ')} failed on ${node.version}: ${result.stderr}`);
  const [rssKb, cpuMicros] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { ms, rssMb: rssKb / 1024, cpuMs: cpuMicros / 1000 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Runs the [node, args] commands in turn, `runs` times, after one untimed warm-up each (which also writes the
 * start-up cache); median, min, max and peak RSS per command.
 */
function sideBySide(commands, cwd, runs) {
  for (const [node, args] of commands) once(node, args, cwd);
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++)
    commands.forEach(([node, args], k) => samples[k].push(once(node, args, cwd)));
  return samples.map((s) => {
    const ms = s.map((x) => x.ms);
    return {
      ms: median(ms),
      min: Math.min(...ms),
      max: Math.max(...ms),
      rssMb: Math.max(...s.map((x) => x.rssMb)),
      cpuMs: median(s.map((x) => x.cpuMs)),
      ratios: [],
    };
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const range = (r, scale = 1, digits = 0) =>
  `${(r.ms / scale).toFixed(digits)} (${(r.min / scale).toFixed(digits)}-${(r.max / scale).toFixed(digits)})`;
const scenarios = [
  { tools: 50, changed: 3, runs: 21, ratioTarget: 1.5 },
  { tools: 10000, changed: 1000, runs: 5, seconds: 2, mb: 300 },
  { tools: 50000, changed: 5000, runs: 3, seconds: 6, mb: 600, ratioTarget: 4 },
];
console.log(
  `agentgate bench (${nodes.map((n) => `node ${n.version}`).join(', ')}; ${process.platform}/${process.arch}, ${cpus().length} cores, load ${load()})\n`,
);
for (const s of scenarios) {
  if (only && only !== String(s.tools)) continue;
  const repo = generateRepo(work, s.tools, s.changed);
  const floorArgs = [join(root, 'bench/floor.mjs'), repo.dir, repo.base, repo.head];
  const diffArgs = [cli, 'diff', '--base', repo.base, '--head', repo.head, '--format', 'json'];
  const commands = nodes.flatMap((node) => [
    [node, floorArgs],
    [node, diffArgs],
  ]);
  const results = sideBySide(commands, repo.dir, runsOverride ?? s.runs);
  console.log(`${s.tools} tools / ${s.changed} changed, median (min-max) of ${runsOverride ?? s.runs}:`);
  nodes.forEach((node, n) => {
    const [floor, agentgate] = [results[2 * n], results[2 * n + 1]];
    const ratio = agentgate.ms / floor.ms;
    const scale = s.tools >= 10000 ? 1000 : 1;
    const unit = scale === 1 ? 'ms' : 's';
    const digits = scale === 1 ? 0 : 2;
    const cpu = `CPU ${(agentgate.cpuMs / scale).toFixed(digits)} vs ${(floor.cpuMs / scale).toFixed(digits)} ${unit} (${(agentgate.cpuMs / floor.cpuMs).toFixed(2)}x)`;
    const targets = [
      s.ratioTarget && `ratio ${ratio.toFixed(2)}x (target <= ${s.ratioTarget}x)`,
      cpu,
      s.seconds && `target <= ${s.seconds} s`,
      s.mb && `${agentgate.rssMb.toFixed(0)} MB (target <= ${s.mb} MB)`,
    ].filter(Boolean);
    console.log(
      `  node ${node.version}: agentgate ${range(agentgate, scale, digits)} ${unit}, git floor ${range(floor, scale, digits)} ${unit}, ${targets.join(', ')}`,
    );
  });
  console.log(`  [load ${load()}]`);
}
if (!only || only === 'version') {
  const versions = sideBySide(
    nodes.map((node) => [node, [cli, '--version']]),
    root,
    runsOverride ?? 15,
  );
  nodes.forEach((node, n) =>
    console.log(
      `agentgate --version, node ${node.version}: ${range(versions[n])} ms (target <= 120 ms) [load ${load()}]`,
    ),
  );
}
rmSync(rssFile, { force: true });
if (!only || only === 'history')
  for (const line of runHistoryBench()) console.log(`${line} [load ${load()}]`);
