import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitSpawnCount } from '../../src/git/run-git.js';
import { readSnapshot } from '../../src/git/snapshot.js';
import type { Snapshot } from '../../src/git/snapshot.js';
import { createTempRepo, runTestGit } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

const OPTIONS = {
  prefixes: ['registry/tools', 'registry/prompts'],
  extraPaths: ['agentgate.yaml', 'CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS'],
  maxBytes: 100,
};
const BIG = 'x'.repeat(500);
const LATIN1 = Buffer.from([0x6e, 0x61, 0xef, 0x76, 0x65, 0x0a]);

async function mixedRepo(): Promise<string> {
  repo = await createTempRepo();
  repo.write('agentgate.yaml', 'version: 1\n');
  repo.write('.github/CODEOWNERS', 'registry/tools/ @acme/security\n');
  repo.write('registry/tools/ok.yaml', 'name: ok\n');
  repo.write('registry/tools/big.yaml', BIG);
  repo.write('registry/tools/latin1.yaml', LATIN1);
  repo.write('registry/prompts/support.md', '---\nid: support\n---\nHello — 日本\n');
  repo.symlink('../../outside/secret.yaml', 'registry/tools/link.yaml');
  repo.write('outside/secret.yaml', 'name: secret\n');
  return repo.commit('mixed');
}

function oidAt(sha: string, path: string): string {
  return repo.git('rev-parse', `${sha}:${path}`);
}

function expectMixed(snapshot: Snapshot, sha: string): void {
  expect(snapshot.files).toEqual([
    {
      path: '.github/CODEOWNERS',
      oid: oidAt(sha, '.github/CODEOWNERS'),
      text: 'registry/tools/ @acme/security\n',
    },
    { path: 'agentgate.yaml', oid: oidAt(sha, 'agentgate.yaml'), text: 'version: 1\n' },
    {
      path: 'registry/prompts/support.md',
      oid: oidAt(sha, 'registry/prompts/support.md'),
      text: '---\nid: support\n---\nHello — 日本\n',
    },
    { path: 'registry/tools/ok.yaml', oid: oidAt(sha, 'registry/tools/ok.yaml'), text: 'name: ok\n' },
  ]);
  expect(snapshot.refused).toEqual([
    { path: 'registry/tools/big.yaml', oid: oidAt(sha, 'registry/tools/big.yaml'), reason: 'too-large' },
    { path: 'registry/tools/latin1.yaml', oid: oidAt(sha, 'registry/tools/latin1.yaml'), reason: 'not-utf8' },
    { path: 'registry/tools/link.yaml', oid: oidAt(sha, 'registry/tools/link.yaml'), reason: 'symlink' },
  ]);
}

/** lets an idle cat-file session close, so that the next count starts from nothing */
const settleGit = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('readSnapshot at a commit', () => {
  it('reads text files and refuses symlinks, oversized and non-UTF-8 files', async () => {
    const sha = await mixedRepo();
    expectMixed(await readSnapshot(repo.dir, sha, OPTIONS), sha);
  });

  it('lists and reads through one process, and reads no refused blob', async () => {
    repo = await createTempRepo();
    repo.write('registry/tools/big.yaml', BIG);
    repo.symlink('big.yaml', 'registry/tools/link.yaml');
    const sha = await repo.commit('only refused');
    await settleGit();
    let before = gitSpawnCount();
    const refusedOnly = await readSnapshot(repo.dir, sha, OPTIONS);
    expect(gitSpawnCount() - before).toBe(1);
    expect(refusedOnly.files).toEqual([]);
    for (let i = 0; i < 50; i++) repo.write(`registry/tools/t${i}.yaml`, `name: t${i}\n`);
    const sha2 = await repo.commit('many');
    await settleGit();
    before = gitSpawnCount();
    expect((await readSnapshot(repo.dir, sha2, OPTIONS)).files).toHaveLength(50);
    expect(gitSpawnCount() - before).toBe(1);
  });

  it('refuses a submodule', async () => {
    repo = await createTempRepo();
    const sha = await repo.commit('first');
    repo.git('update-index', '--add', '--cacheinfo', `160000,${sha},registry/tools/vendored`);
    repo.git('commit', '-q', '-m', 'submodule');
    const head = repo.git('rev-parse', 'HEAD');
    expect((await readSnapshot(repo.dir, head, OPTIONS)).refused).toEqual([
      { path: 'registry/tools/vendored', oid: sha, reason: 'submodule' },
    ]);
  });

  it('reads only the prefixes and the extra files that exist', async () => {
    const sha = await mixedRepo();
    const snapshot = await readSnapshot(repo.dir, sha, { ...OPTIONS, prefixes: ['registry/prompts'] });
    expect(snapshot.files.map((f) => f.path)).toEqual([
      '.github/CODEOWNERS',
      'agentgate.yaml',
      'registry/prompts/support.md',
    ]);
    expect(snapshot.refused).toEqual([]);
  });
});

describe('readSnapshot of the working tree', () => {
  it('applies the same rules, with oids equal to the committed blobs', async () => {
    const sha = await mixedRepo();
    expectMixed(await readSnapshot(repo.dir, null, OPTIONS), sha);
  });

  it('includes untracked and edited files, drops deleted ones, and refuses a nested repository', async () => {
    await mixedRepo();
    repo.write('registry/tools/ok.yaml', 'name: ok\neffect: write\n');
    repo.write('registry/tools/new.yaml', 'name: new\n');
    repo.remove('registry/prompts/support.md');
    repo.remove('registry/tools/link.yaml');
    runTestGit(repo.dir, ['init', '-q', 'registry/tools/nested']);
    const snapshot = await readSnapshot(join(repo.dir, 'registry'), null, OPTIONS);
    expect(snapshot.files.map((f) => [f.path, f.text])).toEqual([
      ['.github/CODEOWNERS', 'registry/tools/ @acme/security\n'],
      ['agentgate.yaml', 'version: 1\n'],
      ['registry/tools/new.yaml', 'name: new\n'],
      ['registry/tools/ok.yaml', 'name: ok\neffect: write\n'],
    ]);
    expect(snapshot.files.find((f) => f.path === 'registry/tools/new.yaml')?.oid).toBe(
      repo.git('hash-object', 'registry/tools/new.yaml'),
    );
    expect(snapshot.refused.map((f) => [f.path, f.reason])).toEqual([
      ['registry/tools/big.yaml', 'too-large'],
      ['registry/tools/latin1.yaml', 'not-utf8'],
      ['registry/tools/nested', 'submodule'],
    ]);
  });

  it('refuses a file replaced by a symlink before it is staged, without following it', async () => {
    await mixedRepo();
    repo.remove('registry/tools/ok.yaml');
    repo.symlink('../../outside/secret.yaml', 'registry/tools/ok.yaml');
    const snapshot = await readSnapshot(repo.dir, null, OPTIONS);
    expect(snapshot.files.some((f) => f.text.includes('secret'))).toBe(false);
    expect(snapshot.refused.find((f) => f.path === 'registry/tools/ok.yaml')?.reason).toBe('symlink');
  });
});

describe('readSnapshot include', () => {
  it('keeps only the paths it accepts, on both sides, before any file is read or refused', async () => {
    const sha = await mixedRepo();
    repo.write('apps/desk/claude_desktop_config.json', '{"mcpServers":{}}\n');
    repo.write('apps/desk/other.json', '{}\n');
    const head = await repo.commit('desk');
    const include = (path: string) =>
      path.endsWith('claude_desktop_config.json') || path === 'registry/tools/ok.yaml';
    const options = { prefixes: [], extraPaths: [], maxBytes: 100, include };
    for (const side of [head, null]) {
      const snapshot = await readSnapshot(repo.dir, side, options);
      expect(snapshot.files.map((file) => file.path)).toEqual([
        'apps/desk/claude_desktop_config.json',
        'registry/tools/ok.yaml',
      ]);
      // the big file, the Latin-1 file and the symlink were never read: not even refused
      expect(snapshot.refused).toEqual([]);
    }
    expect(sha).not.toBe(head);
  });
});
