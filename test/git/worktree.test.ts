import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blobOid, listWorktreeFiles } from '../../src/git/worktree.js';
import { createTempRepo, runTestGit } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

describe('blobOid', () => {
  it('equals git hash-object for text, empty, binary and non-ASCII content', async () => {
    repo = await createTempRepo();
    const contents = [
      Buffer.from('name: x\n'),
      Buffer.alloc(0),
      Buffer.from([0, 255, 10, 13, 0]),
      Buffer.from('naïve — 日本\r\n'),
    ];
    contents.forEach((content, i) => repo.write(`f${i}`, content));
    for (const [i, content] of contents.entries()) {
      expect(blobOid(content, 'sha1')).toBe(repo.git('hash-object', `f${i}`));
    }
  });

  it('equals git hash-object in a sha256 repository', async () => {
    repo = await createTempRepo();
    const dir = join(repo.dir, 'sha256');
    runTestGit(repo.dir, ['init', '-q', '--object-format=sha256', 'sha256']);
    repo.write('sha256/file', 'content\n');
    expect(blobOid(Buffer.from('content\n'), 'sha256')).toBe(runTestGit(dir, ['hash-object', 'file']));
  });
});

describe('listWorktreeFiles', () => {
  it('lists tracked and untracked files under the prefixes with their on-disk modes', async () => {
    repo = await createTempRepo();
    repo.write('.gitignore', '*.local\n');
    repo.write('registry/tools/a.yaml', 'a\n');
    repo.write('registry/tools/run.sh', '#!/bin/sh\n');
    chmodSync(join(repo.dir, 'registry/tools/run.sh'), 0o755);
    repo.write('registry/tools/deleted.yaml', 'gone soon\n');
    repo.write('registry/tools/swapped.yaml', 'becomes a link\n');
    repo.write('outside/b.yaml', 'b\n');
    await repo.commit('base');
    repo.remove('registry/tools/deleted.yaml');
    repo.remove('registry/tools/swapped.yaml');
    repo.symlink('/etc/passwd', 'registry/tools/swapped.yaml');
    repo.write('registry/tools/new file.yaml', 'new\n');
    repo.write('registry/tools/ignored.local', 'x\n');
    expect(await listWorktreeFiles(repo.dir, ['registry/tools'])).toEqual([
      { path: 'registry/tools/a.yaml', mode: '100644', size: 2 },
      { path: 'registry/tools/new file.yaml', mode: '100644', size: 4 },
      { path: 'registry/tools/run.sh', mode: '100755', size: 10 },
      { path: 'registry/tools/swapped.yaml', mode: '120000', size: '/etc/passwd'.length },
    ]);
  });

  it('uses top-level paths from a subdirectory', async () => {
    repo = await createTempRepo();
    repo.write('registry/tools/a.yaml', 'a\n');
    expect(await listWorktreeFiles(join(repo.dir, 'registry'), [])).toEqual([
      { path: 'registry/tools/a.yaml', mode: '100644', size: 2 },
    ]);
  });
});
