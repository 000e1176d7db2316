import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitError } from '../../src/git/git-error.js';
import { runGit } from '../../src/git/run-git.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

describe('runGit', () => {
  const dirs: string[] = [];
  let repo: TempRepo | undefined;
  afterEach(() => {
    repo?.cleanup();
    repo = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('returns stdout as a buffer and feeds input on stdin', async () => {
    repo = await createTempRepo();
    const out = await runGit(repo.dir, ['hash-object', '--stdin'], { input: 'hello\n' });
    expect(out.toString()).toBe('ce013625030ba8dba906f756967f9e9ca394464a\n');
  });

  it('names a directory that is not a repository in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentgate-norepo-'));
    dirs.push(dir);
    const error = await runGit(dir, ['rev-parse', 'HEAD']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('not-a-repository');
    expect((error as GitError).message).toBe(`not a git repository: ${dir}`);
  });

  it('treats a directory that does not exist as not a repository, not as git missing', async () => {
    const dir = join(tmpdir(), 'agentgate-does-not-exist-' + process.pid);
    const error = await runGit(dir, ['status']).catch((e: unknown) => e);
    expect((error as GitError).kind).toBe('not-a-repository');
  });

  it('keeps at most the first line of stderr and is an exit-2 usage error', async () => {
    repo = await createTempRepo();
    const error = await runGit(repo.dir, ['log', 'no-such-branch']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    const gitError = error as GitError;
    expect(gitError.kind).toBe('bad-ref');
    expect(gitError.message).not.toMatch(/\n/);
    expect(gitError.message).not.toMatch(/^fatal:/);
    expect(gitError.exitCode).toBe(2);
  });

  it('fails instead of buffering more than maxBuffer', async () => {
    repo = await createTempRepo();
    repo.write('big.txt', 'x'.repeat(100_000));
    await repo.commit('big');
    const error = await runGit(repo.dir, ['show', 'HEAD:big.txt'], { maxBuffer: 1000 }).catch(
      (e: unknown) => e,
    );
    expect((error as GitError).kind).toBe('failed');
    expect((error as GitError).message).toMatch(/more than 1000 bytes/);
  });

  it('accepts listed exit codes as answers', async () => {
    repo = await createTempRepo();
    const out = await runGit(repo.dir, ['rev-parse', '--verify', '--quiet', 'nope'], {
      acceptExitCodes: [1],
    });
    expect(out.length).toBe(0);
  });
});
