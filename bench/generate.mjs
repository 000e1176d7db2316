// Builds a git repository with a registry of N tools (base commit) and a PR changing M of them (head commit).
// Tools are spread over prompts ("agents") so that composition is exercised too. Every manifest carries an input
// schema of nested mappings (block and flow) and an annotations mapping, as real registries do.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EFFECTS, toolYaml } from './tool-yaml.mjs';

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

function benchTool(i, widened) {
  const effect = EFFECTS[i % EFFECTS.length];
  return toolYaml(i, {
    widened,
    description: `Generated tool number ${i} for the benchmark.`,
    owner: '@bench/owners',
    tail: `rateLimit: { calls: ${widened ? 100 : 10}, per: 1m }
approval: ${effect === 'irreversible' && !widened ? 'human' : 'none'}
annotations:
  readOnlyHint: ${effect === 'read'}
  destructiveHint: ${effect === 'irreversible'}
inputSchema:
  type: object
  properties:
    id:
      type: string
      maxLength: ${widened ? 256 : 64}
      description: The record to act on.
    filter:
      type: object
      properties:
        status:
          type: string
          enum: [open, closed${widened ? ', any' : ''}]
        since: { type: string, format: date-time }
        owner:
          type: object
          properties:
            team: { type: string }
            login:
              type: string
              pattern: "^[a-z0-9-]+$"
          additionalProperties: false
      additionalProperties: false
    limit: { type: integer, minimum: 1, maximum: ${widened ? 1000 : 100} }
  required: [id]
  additionalProperties: false
`,
  });
}

/** Returns { dir, base, head } for a registry of `tools` tools with `changed` of them widened at head. */
export function generateRepo(root, tools, changed, agents = Math.max(1, Math.floor(tools / 100))) {
  // the suffix names the manifest shape: a changed shape builds new repositories
  const dir = join(root, `registry-${tools}-${changed}-nested`);
  if (existsSync(join(dir, '.git', 'bench-done'))) return readRefs(dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'registry/tools/gen'), { recursive: true });
  mkdirSync(join(dir, 'registry/prompts'), { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  writeFileSync(
    join(dir, 'agentgate.yaml'),
    'version: 1\nplanes:\n  control:\n    internalHosts: ["*.acme.internal"]\n',
  );
  for (let i = 0; i < tools; i++)
    writeFileSync(
      join(dir, `registry/tools/gen/tool-${String(i).padStart(6, '0')}.yaml`),
      benchTool(i, false),
    );
  for (let a = 0; a < agents; a++) {
    const bound = [];
    for (let i = a; i < tools; i += agents) bound.push(`tool_${String(i).padStart(6, '0')}`);
    writeFileSync(
      join(dir, `registry/prompts/agent-${a}.md`),
      `---\nid: agent-${a}\nversion: 1\ntools: [${bound.join(', ')}]\n---\nYou are generated agent ${a}.\n`,
    );
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('branch', 'base');
  const step = Math.max(1, Math.floor(tools / changed));
  for (let k = 0, i = 0; k < changed && i < tools; k++, i += step) {
    writeFileSync(
      join(dir, `registry/tools/gen/tool-${String(i).padStart(6, '0')}.yaml`),
      benchTool(i, true),
    );
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'widen');
  git('branch', 'head');
  writeFileSync(join(dir, '.git', 'bench-done'), '');
  return readRefs(dir);
}

function readRefs(dir) {
  return { dir, base: 'base', head: 'head' };
}
