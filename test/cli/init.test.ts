import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/actions/init.js';
import { UsageError } from '../../src/errors.js';
import { parseConfig } from '../../src/core/plane/config.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const OWNERS = ['--prompt-owner', '@acme/prompt-eng', '--tool-owner', '@acme/security'];
let repo: TempRepo;

const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');
const snapshot = () =>
  Object.fromEntries(
    ['agentgate.yaml', '.github/CODEOWNERS', '.github/workflows/agentgate.yml'].map((p) => [p, read(p)]),
  );
// the test build is not a release: every run names the Action it pins (test/cli/init-pins-self.test.ts covers
// the default)
const PIN = `acme/agentgate@${'d'.repeat(40)}`;
const init = (...args: string[]) =>
  runCli(['init', ...(args.includes('--action-ref') ? [] : ['--action-ref', PIN]), ...args], {
    cwd: repo.dir,
  });

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('README.md', '# an agent\n');
  await repo.commit('initial');
});
afterEach(() => repo.cleanup());

describe('agentgate init', () => {
  it('without a terminal and without owners, names the flags and writes nothing', () => {
    const result = init();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--prompt-owner');
    expect(result.stderr).toContain('--tool-owner');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('sets up a fresh repository so that validate, diff and codeowners --check pass', () => {
    const result = init(...OWNERS);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/created\s+agentgate\.yaml/);

    const config = read('agentgate.yaml');
    expect(config.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/agentgate/dist/schemas/config.json',
    );
    expect(parseConfig(config, 'agentgate.yaml').errors).toEqual([]);
    expect(readdirSync(join(repo.dir, 'registry/tools'))).toEqual(['example-tool.yaml.example']);
    expect(readdirSync(join(repo.dir, 'registry/prompts'))).toEqual(['example-agent.md.example']);
    expect(read('.github/CODEOWNERS')).toContain('/registry/tools/ @acme/security\n');
    const workflow = read('.github/workflows/agentgate.yml');
    for (const needle of [
      'statuses: write',
      'pull-requests: write',
      'contents: read',
      'fetch-depth: 0',
      `uses: ${PIN} # pinned commit`,
      'pull_request_target:',
      'pull_request_review:',
      'issue_comment:',
      'merge_group:',
    ]) {
      expect(workflow).toContain(needle);
    }
    expect(workflow).not.toMatch(/\bnpx\b|npm (install|ci)/);
    expectEveryUsesPinned(workflow);

    expect(runCli(['validate'], { cwd: repo.dir }).code).toBe(0);
    const diff = runCli(['diff', '--format', 'json'], { cwd: repo.dir });
    expect(diff.code).toBe(0);
    expect(
      (JSON.parse(diff.stdout) as { planes: { control: { tools: unknown[] } } }).planes.control.tools,
    ).toEqual([]);
    expect(runCli(['codeowners', '--check'], { cwd: repo.dir }).code).toBe(0);
  });

  it('is idempotent: a second run, even without flags, changes nothing and says so', () => {
    expect(init(...OWNERS).code).toBe(0);
    const before = snapshot();
    const again = init();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing changed');
    expect(snapshot()).toEqual(before);
  });

  it('refuses the same owner for both planes unless --force', () => {
    const fused = init('--prompt-owner', '@acme/everyone', '--tool-owner', '@ACME/everyone');
    expect(fused.code).toBe(2);
    expect(fused.stderr).toContain('fused ownership');
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(init('--prompt-owner', '@acme/everyone', '--tool-owner', '@acme/everyone', '--force').code).toBe(
      0,
    );
  });

  it('keeps existing files: config, registry and CODEOWNERS lines; overwrites its own files only with --force', () => {
    const config = 'version: 1\nplanes:\n  control:\n    maxRadius: irreversible\n';
    const owners = '# ours\n/docs/ @acme/docs\n';
    repo.write('agentgate.yaml', config);
    repo.write('CODEOWNERS', owners);
    repo.write(
      'registry/tools/read-ticket.yaml',
      'apiVersion: agentgate/v1\nkind: Tool\nname: read_ticket\neffect: read\n',
    );
    repo.write('.github/workflows/agentgate.yml', 'name: mine\n');
    const result = init(...OWNERS);
    expect(result.code).toBe(0);
    expect(read('agentgate.yaml')).toBe(config);
    expect(read('CODEOWNERS').startsWith(owners)).toBe(true);
    expect(read('CODEOWNERS')).toContain('/CODEOWNERS @acme/security');
    expect(readdirSync(join(repo.dir, 'registry/tools'))).toEqual(['read-ticket.yaml']);
    expect(read('.github/workflows/agentgate.yml')).toBe('name: mine\n');
    expect(result.stdout).toMatch(/kept\s+\.github\/workflows\/agentgate\.yml/);

    const forced = init('--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/updated\s+\.github\/workflows\/agentgate\.yml/);
    expect(read('.github/workflows/agentgate.yml')).toContain(`uses: ${PIN}`);
    expect(read('agentgate.yaml')).toContain('yaml-language-server');
  });

  it('asks for the owners on a terminal when the flags are missing', async () => {
    const questions: string[] = [];
    const answers = ['@acme/prompt-eng', 'acme-security-lead'];
    const printed: string[] = [];
    const io = {
      interactive: true,
      ask: async (q: string) => (questions.push(q), answers.shift() ?? ''),
      print: (l: string) => printed.push(l),
    };
    expect(await runInit({ actionRef: PIN }, repo.dir, io)).toBe(0);
    expect(questions).toHaveLength(2);
    expect(read('.github/CODEOWNERS')).toContain('/registry/tools/ @acme-security-lead\n');
    expect(printed.at(-1)).toContain('next:');
    const bad = { ...io, ask: async () => 'not an owner!' };
    repo.remove('.github/CODEOWNERS');
    await expect(runInit({ actionRef: PIN }, repo.dir, bad)).rejects.toThrow(UsageError);
  });

  it('--action-ref pins the workflow to the given commit, or to an action this repository holds', () => {
    const sha = 'a'.repeat(40);
    expect(init(...OWNERS, '--action-ref', `acme/agentgate-fork@${sha}`).code).toBe(0);
    const workflow = read('.github/workflows/agentgate.yml');
    expect(workflow).toContain(`uses: acme/agentgate-fork@${sha} # pinned commit`);
    expectEveryUsesPinned(workflow);

    repo.write('.github/actions/agentgate/action.yml', 'name: agentgate\n');
    const local = init('--force', '--action-ref', './.github/actions/agentgate');
    expect(local.code).toBe(0);
    expect(read('.github/workflows/agentgate.yml')).toContain('uses: ./.github/actions/agentgate #');
  });

  it.each([
    ['a tag', 'acme/agentgate@v1'],
    ['a branch', 'acme/agentgate@main'],
    ['a short sha', 'acme/agentgate@90ea6dd'],
    ['an upper-case sha', `acme/agentgate@${'A'.repeat(40)}`],
    ['no ref at all', 'acme/agentgate'],
    ['an npm name', 'agentgate@0.1.0'],
    ['a line break that would add a step', `acme/agentgate@${'a'.repeat(40)}\n      - run: curl evil`],
    ['a path leaving the repository', './../elsewhere'],
    ['a docker image', 'docker://evil/agentgate:latest'],
    ['a local action that is not there', './.github/actions/missing'],
  ])('--action-ref refuses %s, naming the flag and writing nothing', (_what, ref) => {
    const result = init(...OWNERS, '--action-ref', ref);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--action-ref');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});

/** Every `uses:` names a full 40-hex commit sha or a path inside the repository. */
function expectEveryUsesPinned(workflow: string): void {
  const uses = [...workflow.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)/gm)].map((m) => m[1] ?? '');
  expect(uses.length).toBeGreaterThan(0);
  for (const use of uses) expect(use).toMatch(/^(?:\.\/\S*|[\w.-]+\/[\w./-]+@[0-9a-f]{40})$/);
}
