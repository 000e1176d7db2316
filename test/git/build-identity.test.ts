import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBuildIdentity } from '../../src/git/build-identity.js';
import { findDefaultBranch } from '../../src/git/default-branch.js';
import { createTempRepo, runTestGit } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | null = null;
let dir: string | null = null;
afterEach(() => {
  repo?.cleanup();
  repo = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('readBuildIdentity', () => {
  it('names the commit, whether the tree is dirty and what the tag names', async () => {
    repo = await createTempRepo();
    repo.write('package.json', '{}\n');
    const first = await repo.commit('one');
    expect(await readBuildIdentity(repo.dir, 'v1.0.0')).toEqual({
      kind: 'git',
      commit: first,
      dirty: false,
      tagCommit: null,
    });
    repo.git('tag', '-a', '-m', 'release', 'v1.0.0');
    expect(await readBuildIdentity(repo.dir, 'v1.0.0')).toMatchObject({ commit: first, tagCommit: first });
    repo.write('new-file.txt', 'untracked\n');
    expect(await readBuildIdentity(repo.dir, 'v1.0.0')).toMatchObject({ dirty: true });
    const second = await repo.commit('two');
    expect(await readBuildIdentity(repo.dir, 'v1.0.0')).toMatchObject({
      commit: second,
      dirty: false,
      tagCommit: first,
    });
  });

  it('a folder that is no repository, or git missing from PATH, has no commit', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentgate-nogit-'));
    expect(await readBuildIdentity(dir, 'v1.0.0')).toEqual({
      kind: 'no-git',
      reason: 'not built from a git clone',
    });
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await readBuildIdentity(dir, 'v1.0.0')).toEqual({
        kind: 'no-git',
        reason: 'git was not available',
      });
    } finally {
      process.env.PATH = path;
    }
  });

  it("a package inside another project's repository does not take that repository's commit", async () => {
    repo = await createTempRepo();
    repo.write('vendor/agentgate/package.json', '{}\n');
    await repo.commit('vendored');
    const identity = await readBuildIdentity(join(repo.dir, 'vendor/agentgate'), 'v1.0.0');
    expect(identity.kind).toBe('no-git');
  });

  it('a repository with no commit yet has none to record', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentgate-empty-'));
    runTestGit(dir, ['init', '-q']);
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/a.txt'), 'x');
    expect(await readBuildIdentity(dir, 'v1.0.0')).toMatchObject({ kind: 'no-git' });
  });
});

describe('findDefaultBranch', () => {
  it('origin/HEAD first, then the branch checked out, else unknown', async () => {
    repo = await createTempRepo({ initialBranch: 'feature/x' });
    const commit = await repo.commit('one');
    expect(await findDefaultBranch(repo.dir)).toEqual({
      kind: 'found',
      branch: 'feature/x',
      from: 'the current branch',
    });
    repo.git('update-ref', 'refs/remotes/origin/develop', commit);
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/develop');
    expect(await findDefaultBranch(repo.dir)).toEqual({
      kind: 'found',
      branch: 'develop',
      from: 'origin/HEAD',
    });
    repo.git('symbolic-ref', '--delete', 'refs/remotes/origin/HEAD');
    repo.git('checkout', '-q', '--detach');
    expect(await findDefaultBranch(repo.dir)).toEqual({ kind: 'unknown' });
  });
});
