// The workflow `init` writes runs the agentgate that wrote it. A copy of this repository at its own HEAD commit is
// built (dist/ copied in, its build recorded by scripts/write-build-info.mjs as a release build does), tagged as
// the release, and run: it pins its own commit, every input the written workflows pass exists in that commit's
// action.yml (read from git), and the release workflow triggers on the user's default branch.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTempRepo, runTestGit } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OWNERS = ['--prompt-owner', '@acme/prompt-eng', '--tool-owner', '@acme/security'];

let work: string;
let clone: string;
let head: string;
let version: string;

const run = (cli: string, args: string[], cwd: string) => {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
};
const cloneCli = () => join(clone, 'dist/bin/agentgate.js');
/** Records the clone's build as the release workflow does, then asks it its version. */
const stampAndAsk = () => {
  const stamped = spawnSync(process.execPath, ['scripts/write-build-info.mjs'], {
    cwd: clone,
    env: { ...process.env, GITHUB_ACTIONS: '' },
    encoding: 'utf8',
  });
  expect(stamped.stderr).toBe('');
  return run(cloneCli(), ['--version'], clone);
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'agentgate-self-'));
  clone = join(work, 'agentgate');
  runTestGit(work, ['clone', '-q', '--depth', '1', '--no-tags', `file://${ROOT}`, clone]);
  head = runTestGit(clone, ['rev-parse', 'HEAD']);
  version = (JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { version: string }).version;
  cpSync(join(ROOT, 'dist'), join(clone, 'dist'), { recursive: true });
  // dependencies resolve from the folder above the clone: a link inside it would be an untracked file
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a build knows which agentgate it is', () => {
  it('an untagged commit is a dev build that names its commit and says it is not a release', () => {
    const result = stampAndAsk();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}-dev (${head})\nnot a release: no tag v${version} in this clone\n`);
  });

  it('a dirty tree is not a release even at the tagged commit', () => {
    runTestGit(clone, ['tag', `v${version}`]);
    writeFileSync(join(clone, 'README.md'), 'edited\n');
    try {
      const result = stampAndAsk();
      expect(result.stdout).toBe(
        `${version}-dev (${head})\nnot a release: the working tree had uncommitted changes\n`,
      );
      // and a dev build refuses to pin itself, naming --action-ref, writing nothing
      const repo = mkdtempSync(join(work, 'user-'));
      runTestGit(repo, ['init', '-q', '--initial-branch=main']);
      const init = run(cloneCli(), ['init', ...OWNERS], repo);
      expect(init.code).toBe(2);
      expect(init.stderr).toMatch(
        /^agentgate: .*not a release.*--action-ref \.\/\.github\/actions\/agentgate/,
      );
      expect(init.stderr.endsWith('\n')).toBe(true);
      expect(init.stderr.trim().split('\n')).toHaveLength(1);
      expect(runTestGit(repo, ['status', '--porcelain'])).toBe('');
    } finally {
      runTestGit(clone, ['checkout', '-q', '--', 'README.md']);
      runTestGit(clone, ['tag', '-d', `v${version}`]);
    }
  });

  it('a clean build of the commit tag v<version> names is a release: version and full commit', () => {
    runTestGit(clone, ['tag', '-a', '-m', 'release', `v${version}`]);
    try {
      const result = stampAndAsk();
      expect(result.stdout).toBe(`${version} (${head})\n`);
    } finally {
      runTestGit(clone, ['tag', '-d', `v${version}`]);
    }
  });
});

describe('a build with no git at all', () => {
  it('still builds and runs: commit unknown, not a release', () => {
    const copy = join(work, 'no-git');
    for (const path of ['dist', 'scripts', 'package.json'])
      cpSync(join(clone, path), join(copy, path), { recursive: true });
    const stamped = spawnSync(process.execPath, ['scripts/write-build-info.mjs'], {
      cwd: copy,
      env: { ...process.env, PATH: '/nonexistent', GITHUB_ACTIONS: '' },
      encoding: 'utf8',
    });
    expect(stamped.status).toBe(0);
    const result = run(join(copy, 'dist/bin/agentgate.js'), ['--version'], copy);
    expect(result.stdout).toBe(
      `${version}-dev (commit unknown)\nnot a release: git was not available: commit unknown\n`,
    );
  });
});

describe('init run by a release pins itself', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    runTestGit(clone, ['tag', `v${version}`]);
    expect(stampAndAsk().stdout).toBe(`${version} (${head})\n`);
    repo = await createTempRepo({ initialBranch: 'feature' });
    repo.write('README.md', '# an agent\n');
    const commit = await repo.commit('initial');
    // the default branch is develop, as a clone's origin/HEAD says; the branch checked out is another one
    repo.git('update-ref', 'refs/remotes/origin/develop', commit);
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/develop');
  }, 60_000);
  afterAll(() => {
    repo.cleanup();
    runTestGit(clone, ['tag', '-d', `v${version}`]);
  });

  it('at its own commit, on the default branch, with inputs its action.yml has', () => {
    const init = run(cloneCli(), ['init', ...OWNERS], repo.dir);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('releases on pushes to develop, the default branch by origin/HEAD');
    expect(init.stdout.endsWith('\n')).toBe(true);

    // the pinned commit's action.yml, read from git: the action the workflows will really run
    const action = parse(runTestGit(ROOT, ['show', `${head}:action.yml`])) as {
      inputs: Record<string, unknown>;
    };
    const workflows = ['.github/workflows/agentgate.yml', '.github/workflows/agentgate-release.yml'];
    let agentgateSteps = 0;
    for (const path of workflows) {
      const text = readFileSync(join(repo.dir, path), 'utf8');
      const workflow = parse(text) as {
        on: Record<string, { branches?: string[] }>;
        jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
      };
      for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
        if (!step.uses?.includes('agentgate')) continue;
        agentgateSteps += 1;
        expect(step.uses).toBe(`agentgate/agentgate@${head}`);
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
      }
      expect(text).toContain(`@${head} # agentgate v${version}`);
    }
    expect(agentgateSteps).toBe(3);
    const release = parse(readFileSync(join(repo.dir, workflows[1] as string), 'utf8')) as {
      on: { push: { branches: string[] } };
    };
    expect(release.on.push.branches).toEqual(['develop']);
  });

  it('without origin/HEAD, the release workflow follows the branch checked out', async () => {
    const other = await createTempRepo({ initialBranch: 'develop' });
    try {
      other.write('README.md', '# another agent\n');
      await other.commit('initial');
      expect(run(cloneCli(), ['init', ...OWNERS], other.dir).code).toBe(0);
      const release = parse(
        readFileSync(join(other.dir, '.github/workflows/agentgate-release.yml'), 'utf8'),
      ) as { on: { push: { branches: string[] } } };
      expect(release.on.push.branches).toEqual(['develop']);
    } finally {
      other.cleanup();
    }
  });
});
