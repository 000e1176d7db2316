#!/usr/bin/env node
// History scenario: a registry of 2,000 tools with 5,000 commits on top of it (built in one `git fast-import`
// stream), timing `agentgate log` (both planes) and `agentgate scope`, which walk that whole history.
// Run alone with `node bench/history.mjs [commits] [tools]` after `npm run build`, or import runHistoryBench().
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pad, toolName, toolYaml } from './tool-yaml.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/bin/agentgate.js');
const AGENTS = 20;
const TARGET_MS = 5000;

function revisionYaml(i, revision) {
  return toolYaml(i, {
    widened: revision % 2 === 1,
    description: `Generated tool ${i}, revision ${revision}.`,
    tail: `rateLimit: { calls: ${10 + revision}, per: 1m }
approval: none
`,
  });
}

function promptMd(agent, tools, version) {
  const bound = [];
  for (let i = agent; i < tools; i += AGENTS) bound.push(toolName(i));
  return `---\nid: agent-${agent}\nversion: ${version}\ntools: [${bound.join(', ')}]\n---\nYou are generated agent ${agent}, revision ${version}.\n`;
}

/**
 * A fast-import stream: commit 1 holds the config, `tools` tools and the prompts; every later commit changes
 * two tools, every fifth also a prompt, every tenth adds a tool (so bindings and flows move too).
 */
function buildStream(commits, tools) {
  const parts = [];
  let time = Date.UTC(2025, 0, 1) / 1000;
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const file = (path, text) => `M 100644 inline ${path}\n${data(text)}`;
  const revisions = new Map();
  const versions = new Map();
  let count = tools;
  for (let c = 1; c <= commits; c++) {
    const files = [];
    let message;
    if (c === 1) {
      message = 'registry';
      files.push(
        file('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    internalHosts: ["*.acme.internal"]\n'),
      );
      for (let i = 0; i < tools; i++)
        files.push(file(`registry/tools/gen/tool-${pad(i)}.yaml`, revisionYaml(i, 0)));
      for (let a = 0; a < AGENTS; a++)
        files.push(file(`registry/prompts/agent-${a}.md`, promptMd(a, tools, 1)));
    } else {
      message = `change ${c}`;
      for (const i of [(c * 7919) % count, (c * 104729) % count]) {
        const revision = (revisions.get(i) ?? 0) + 1;
        revisions.set(i, revision);
        files.push(file(`registry/tools/gen/tool-${pad(i)}.yaml`, revisionYaml(i, revision)));
      }
      if (c % 10 === 0) {
        files.push(file(`registry/tools/gen/tool-${pad(count)}.yaml`, revisionYaml(count, 0)));
        count += 1;
      }
      if (c % 5 === 0) {
        const agent = c % AGENTS;
        const version = (versions.get(agent) ?? 1) + 1;
        versions.set(agent, version);
        files.push(file(`registry/prompts/agent-${agent}.md`, promptMd(agent, count, version)));
      }
    }
    time += 60;
    parts.push(
      `commit refs/heads/main\nmark :${c}\ncommitter bench <bench@example.com> ${time} +0000\n${data(message)}${c > 1 ? `from :${c - 1}\n` : ''}${files.join('')}\n`,
    );
  }
  return parts.join('');
}

export function generateHistoryRepo(work, commits, tools) {
  const dir = join(work, `history-${commits}x${tools}`);
  if (existsSync(join(dir, '.git', 'bench-done'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (args, input) =>
    execFileSync('git', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  git(['init', '-q', '-b', 'main']);
  git(['fast-import', '--quiet'], buildStream(commits, tools));
  git(['reset', '-q', '--hard', 'main']);
  writeFileSync(join(dir, '.git', 'bench-done'), '');
  return dir;
}

function time(args, cwd, runs) {
  const walls = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, maxBuffer: 1 << 30 });
    walls.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`agentgate ${args.join(' ')} failed: ${result.stderr}`);
  }
  walls.sort((a, b) => a - b);
  return walls[Math.floor(walls.length / 2)];
}

/** Times the three history commands; returns lines for the bench report. */
export function runHistoryBench({
  work = join(root, '.bench'),
  commits = 5000,
  tools = 2000,
  runs = 3,
} = {}) {
  mkdirSync(work, { recursive: true });
  const dir = generateHistoryRepo(work, commits, tools);
  const lines = [];
  for (const args of [
    ['log', '--format', 'json'],
    ['log', '--plane', 'data', '--format', 'json'],
    ['scope', '--format', 'json'],
  ]) {
    const ms = time(args, dir, runs);
    lines.push(
      `${commits} commits / ${tools} tools: agentgate ${args.slice(0, -2).join(' ')} ${ms.toFixed(0)} ms (target <= ${TARGET_MS} ms)`,
    );
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [commits, tools] = process.argv.slice(2).map(Number);
  for (const line of runHistoryBench({ commits: commits || 5000, tools: tools || 2000 })) console.log(line);
}
