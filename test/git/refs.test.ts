import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitError } from '../../src/git/git-error.js';
import { findDefaultBase, headSha, isShallow, objectFormat, verifyRef } from '../../src/git/refs.js';
import { createTempRepo, runTestGit } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function repoWithCommits(n: number): Promise<{ repo: TempRepo; shas: string[] }> {
  const repo = await createTempRepo();
  repos.push(repo);
  const shas: string[] = [];
  for (let i = 0; i < n; i++) {
    repo.write('file.txt', `version ${i}\n`);
    shas.push(await repo.commit(`commit ${i}`));
  }
  return { repo, shas };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentgate-refs-'));
  dirs.push(dir);
  return dir;
}

async function errorOf(promise: Promise<unknown>): Promise<GitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitError);
  return error as GitError;
}

describe('verifyRef', () => {
  it('resolves branches, HEAD, relative refs and short shas to full commit shas', async () => {
    const { repo, shas } = await repoWithCommits(2);
    repo.branch('feature');
    expect(await verifyRef(repo.dir, 'HEAD')).toBe(shas[1]);
    expect(await verifyRef(repo.dir, 'feature')).toBe(shas[1]);
    expect(await verifyRef(repo.dir, 'HEAD~1')).toBe(shas[0]);
    expect(await verifyRef(repo.dir, shas[0]!.slice(0, 10))).toBe(shas[0]);
  });

  it('peels an annotated tag to its commit', async () => {
    const { repo, shas } = await repoWithCommits(1);
    repo.git('tag', '-a', 'v1', '-m', 'release');
    expect(await verifyRef(repo.dir, 'v1')).toBe(shas[0]);
  });

  it('reports an unknown ref by name', async () => {
    const { repo } = await repoWithCommits(1);
    const error = await errorOf(verifyRef(repo.dir, 'no-such-branch'));
    expect(error.kind).toBe('bad-ref');
    expect(error.message).toBe("unknown ref 'no-such-branch'");
  });

  it('never lets a ref become a git option', async () => {
    const { repo } = await repoWithCommits(1);
    const target = join(tempDir(), 'x');
    for (const ref of [`--output=${target}`, '-h', '--help', '-']) {
      const error = await errorOf(verifyRef(repo.dir, ref));
      expect(error.kind).toBe('bad-ref');
      expect(error.message).toMatch(/^invalid ref '.*': it starts with '-'$/);
    }
    expect(existsSync(target)).toBe(false);
  });

  it('rejects path syntax, ranges, whitespace and control characters', async () => {
    const { repo } = await repoWithCommits(1);
    const cases: [string, RegExp][] = [
      ['HEAD:file.txt', /path syntax/],
      ['HEAD~1..HEAD', /ranges/],
      ['HEAD...main', /ranges/],
      ['main extra', /whitespace/],
      ['main\n--output=x', /control character/],
      ['', /empty/],
    ];
    for (const [ref, reason] of cases) {
      const error = await errorOf(verifyRef(repo.dir, ref));
      expect(error.kind).toBe('bad-ref');
      expect(error.message).toMatch(reason);
      expect(error.message).not.toMatch(/\n/);
    }
  });

  it('names a directory that is not a repository', async () => {
    const dir = tempDir();
    const error = await errorOf(verifyRef(dir, 'HEAD'));
    expect(error.kind).toBe('not-a-repository');
    expect(error.message).toBe(`not a git repository: ${dir}`);
  });

  it('explains a commit missing from a shallow clone', async () => {
    const { repo, shas } = await repoWithCommits(3);
    const clone = join(tempDir(), 'clone');
    runTestGit(tempDir(), ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    expect(await isShallow(clone)).toBe(true);
    expect(await isShallow(repo.dir)).toBe(false);
    expect(await verifyRef(clone, 'HEAD')).toBe(shas[2]);
    const error = await errorOf(verifyRef(clone, shas[0]!));
    expect(error.kind).toBe('shallow');
    expect(error.message).toBe(
      `commit ${shas[0]} is not in this clone (shallow clone: fetch with fetch-depth: 0)`,
    );
  });
});

describe('headSha and objectFormat', () => {
  it('reads HEAD and says when there are no commits yet', async () => {
    const { repo, shas } = await repoWithCommits(1);
    expect(await headSha(repo.dir)).toBe(shas[0]);
    const empty = await createTempRepo();
    repos.push(empty);
    const error = await errorOf(headSha(empty.dir));
    expect(error.message).toMatch(/no commits yet/);
  });

  it('tells sha1 from sha256 repositories', async () => {
    const { repo } = await repoWithCommits(1);
    expect(await objectFormat(repo.dir)).toBe('sha1');
    const dir = tempDir();
    runTestGit(dir, ['init', '-q', '--object-format=sha256']);
    expect(await objectFormat(dir)).toBe('sha256');
  });
});

describe('findDefaultBase', () => {
  it('is HEAD on the default branch without a remote, so the working tree is judged', async () => {
    const { repo, shas } = await repoWithCommits(2);
    expect(await findDefaultBase(repo.dir)).toEqual({ ref: 'HEAD', sha: shas[1] });
  });

  it('is the fork point of a feature branch with main', async () => {
    const { repo, shas } = await repoWithCommits(2);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('feature.txt', 'f\n');
    await repo.commit('feature work');
    repo.checkout('main');
    repo.write('file.txt', 'main moved on\n');
    await repo.commit('main work');
    repo.checkout('feature');
    expect(await findDefaultBase(repo.dir)).toEqual({ ref: 'main', sha: shas[1] });
  });

  it('prefers the remote default branch named by origin/HEAD', async () => {
    const { repo, shas } = await repoWithCommits(2);
    const clone = join(tempDir(), 'clone');
    runTestGit(tempDir(), ['clone', '-q', `file://${repo.dir}`, clone]);
    runTestGit(clone, ['checkout', '-q', '-b', 'feature']);
    runTestGit(clone, ['commit', '-q', '--allow-empty', '-m', 'feature']);
    expect(await findDefaultBase(clone)).toEqual({ ref: 'origin/main', sha: shas[1] });
  });

  it('falls back to master', async () => {
    const repo = await createTempRepo({ initialBranch: 'master' });
    repos.push(repo);
    const sha = await repo.commit('first');
    repo.git('checkout', '-q', '-b', 'topic');
    await repo.commit('second');
    expect(await findDefaultBase(repo.dir)).toEqual({ ref: 'master', sha });
  });

  it('asks for --base when there is no default branch', async () => {
    const repo = await createTempRepo({ initialBranch: 'trunk' });
    repos.push(repo);
    await repo.commit('first');
    const error = await errorOf(findDefaultBase(repo.dir));
    expect(error.message).toMatch(/pass --base/);
    expect(error.exitCode).toBe(2);
  });
});
