import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBlobs } from '../../src/git/cat-file.js';
import { CatFileSession } from '../../src/git/cat-file-session.js';
import { listChangedFiles } from '../../src/git/changed-files.js';
import { GitError } from '../../src/git/git-error.js';
import { listTree } from '../../src/git/read-tree.js';
import { verifyRef } from '../../src/git/refs.js';
import { gitSpawnCount } from '../../src/git/run-git.js';
import { forgetGitCapabilities, usesLegacyGit } from '../../src/git/session-pool.js';
import { readSnapshots } from '../../src/git/snapshot.js';
import { diffTreesInSession, parseTree } from '../../src/git/tree-walk.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
const sessions: CatFileSession[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  sessions.splice(0).forEach((session) => session.close());
  cleanups.splice(0).forEach((cleanup) => cleanup());
  repo.cleanup();
});

const open = (): CatFileSession => {
  const session = new CatFileSession(repo.dir);
  sessions.push(session);
  return session;
};
/** lets an idle pooled session close, so that the next count starts from nothing */
const settleGit = () => new Promise((resolve) => setTimeout(resolve, 5));

const ODD = [
  'registry/tools/new\nline.yaml',
  'registry/tools/tab\there.yaml',
  'registry/tools/"quoted" \'x\'.yaml',
];

async function oddRepo(): Promise<{ base: string; head: string }> {
  repo = await createTempRepo();
  repo.write('agentgate.yaml', 'version: 1\n');
  repo.write('registry/tools/keep.yaml', 'name: keep\n');
  repo.write('registry/tools/edit.yaml', 'name: edit\n');
  repo.write('registry/tools-other/x.yaml', 'name: x\n');
  repo.write('registry/tools/deep/dir/file.yaml', 'name: deep\n');
  repo.write('registry/tools/was-file', 'a file that becomes a directory\n');
  const base = await repo.commit('base');
  for (const path of ODD) repo.write(path, `${JSON.stringify(path)}\n`);
  repo.write('registry/tools/edit.yaml', 'name: edit\neffect: write\n');
  repo.remove('registry/tools/was-file');
  repo.write('registry/tools/was-file/inner.yaml', 'name: inner\n');
  chmodSync(join(repo.dir, 'registry/tools/keep.yaml'), 0o755);
  repo.symlink('keep.yaml', 'registry/tools/link.yaml');
  const head = await repo.commit('head');
  return { base, head };
}

/** A git that predates --batch-command: refuses it the way git < 2.36 does, runs everything else. */
function installOldGit(): void {
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'agentgate-old-git-'));
  writeFileSync(
    join(dir, 'git'),
    `#!/bin/sh\nfor a in "$@"; do case "$a" in --batch-command*) echo "error: unknown option \\\`batch-command'" >&2; echo "usage: git cat-file <type> <object>" >&2; exit 129;; esac; done\nexec ${real} "$@"\n`,
  );
  chmodSync(join(dir, 'git'), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${dir}:${path ?? ''}`;
  forgetGitCapabilities();
  cleanups.push(() => {
    process.env.PATH = path;
    forgetGitCapabilities();
    rmSync(dir, { recursive: true, force: true });
  });
}

describe('CatFileSession', () => {
  it('answers info and contents requests in order, several in flight at once', async () => {
    const { base, head } = await oddRepo();
    const session = open();
    const oid = repo.git('rev-parse', `${head}:registry/tools/edit.yaml`);
    const [infos, objects, more] = await Promise.all([
      session.info([`${base}^{commit}`, oid, `${head}^{tree}`]),
      session.contents([oid, `${base}:registry/tools/edit.yaml`]),
      session.info([`${head}^{commit}`]),
    ]);
    expect(infos.map((i) => i && [i.oid, i.type])).toEqual([
      [base, 'commit'],
      [oid, 'blob'],
      [repo.git('rev-parse', `${head}^{tree}`), 'tree'],
    ]);
    expect(objects.map((o) => o?.content.toString('utf8'))).toEqual([
      'name: edit\neffect: write\n',
      'name: edit\n',
    ]);
    expect(objects[0]?.size).toBe(objects[0]?.content.length);
    expect(more[0]?.oid).toBe(head);
  });

  it('answers null for missing objects and for a tree or blob asked to be a commit, and carries on', async () => {
    const { head } = await oddRepo();
    const session = open();
    const blob = repo.git('rev-parse', `${head}:agentgate.yaml`);
    const tree = repo.git('rev-parse', `${head}^{tree}`);
    const answers = await session.info([
      'f'.repeat(40),
      `${tree}^{commit}`,
      `${blob}^{commit}`,
      'no-such-branch',
      `${head}^{commit}`,
    ]);
    expect(answers.slice(0, 4)).toEqual([null, null, null, null]);
    expect(answers[4]?.oid).toBe(head);
    expect(await session.contents(['e'.repeat(40), blob])).toEqual([
      null,
      expect.objectContaining({ oid: blob, type: 'blob' }),
    ]);
  });

  it('refuses a name that would smuggle a second command', async () => {
    await oddRepo();
    const session = open();
    expect(() => session.info(['HEAD\ncontents HEAD'])).toThrow(GitError);
    expect(() => session.contents([''])).toThrow(GitError);
  });

  it('fails every pending request with a one-line GitError outside a repository', async () => {
    repo = await createTempRepo();
    const outside = mkdtempSync(join(tmpdir(), 'agentgate-not-a-repo-'));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    const session = new CatFileSession(outside);
    sessions.push(session);
    const error = await session.info(['HEAD']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('not-a-repository');
  });
});

describe('reads through the session', () => {
  it('verifyRef refuses a tree or a blob where a commit is needed', async () => {
    const { head } = await oddRepo();
    const tree = repo.git('rev-parse', `${head}^{tree}`);
    const blob = repo.git('rev-parse', `${head}:agentgate.yaml`);
    for (const ref of [tree, blob]) {
      const error = await verifyRef(repo.dir, ref).catch((e: unknown) => e);
      expect((error as GitError).kind).toBe('bad-ref');
    }
    expect(await verifyRef(repo.dir, 'HEAD~1')).toBe(repo.git('rev-parse', 'HEAD~1'));
  });

  it('lists trees like ls-tree, odd path bytes included', async () => {
    const { head } = await oddRepo();
    const expected = repo
      .git('ls-tree', '-r', '-l', '-z', '--full-tree', head, '--', 'registry/tools', 'agentgate.yaml')
      .split('\0')
      .filter((line) => line !== '')
      .map((line) => {
        const [meta = '', path = ''] = line.split(/\t([^]*)/);
        const [mode, , oid, size] = meta.split(/ +/);
        return { path, mode, oid, size: Number(size) };
      })
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const listed = await listTree(repo.dir, head, ['registry/tools', 'agentgate.yaml']);
    expect(listed).toEqual(expected);
    expect(listed.map((e) => e.path)).toEqual(expect.arrayContaining(ODD));
    expect(listed.some((e) => e.path.startsWith('registry/tools-other'))).toBe(false);
  });

  it('finds the same changed files as git diff, reading only the trees that differ', async () => {
    const { base, head } = await oddRepo();
    const files = await listChangedFiles(repo.dir, base, head);
    const paths = repo
      .git('diff', '--name-status', '-z', '--no-renames', base, head)
      .split('\0')
      .filter((f) => f !== '');
    const expected: { path: string; status: string }[] = [];
    const STATUS: Record<string, string> = { A: 'added', D: 'deleted', M: 'modified', T: 'modified' };
    for (let i = 0; i < paths.length; i += 2)
      expected.push({ path: paths[i + 1] as string, status: STATUS[paths[i] as string] as string });
    expected.sort((a, b) => (a.path < b.path ? -1 : 1));
    // was-file became a directory: deleted and added, so git's rename detection ran and found nothing to pair
    expect(files).toEqual(expected);
  });

  it('walks the trees to the same changes as git diff --no-renames: modes, types, file to directory', async () => {
    const { base, head } = await oddRepo();
    const files = await diffTreesInSession(open(), base, head);
    const fields = repo
      .git('diff', '--name-status', '-z', '--no-renames', base, head)
      .split('\0')
      .filter((f) => f !== '');
    const STATUS: Record<string, string> = { A: 'added', D: 'deleted', M: 'modified', T: 'modified' };
    const expected: { path: string; status: string }[] = [];
    for (let i = 0; i < fields.length; i += 2)
      expected.push({ path: fields[i + 1] as string, status: STATUS[fields[i] as string] as string });
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
    expect([...files].sort(byPath)).toEqual(expected.sort(byPath));
    expect(files).toContainEqual({ path: 'registry/tools/keep.yaml', status: 'modified' });
    expect(await diffTreesInSession(open(), head, head)).toEqual([]);
  });

  it('a diff that only modifies files costs one git process for refs, trees, changes and blobs', async () => {
    repo = await createTempRepo();
    for (let i = 0; i < 50; i++) repo.write(`registry/tools/t${i}.yaml`, `name: t${i}\n`);
    repo.write('agentgate.yaml', 'version: 1\n');
    await repo.commit('base');
    for (const i of [3, 17, 40]) repo.write(`registry/tools/t${i}.yaml`, `name: t${i}\neffect: write\n`);
    await repo.commit('head');
    await settleGit();
    const before = gitSpawnCount();
    const [base, head] = await Promise.all([verifyRef(repo.dir, 'HEAD~1'), verifyRef(repo.dir, 'HEAD')]);
    const options = { prefixes: ['registry', 'agentgate.yaml'], extraPaths: [], maxBytes: 1 << 20 };
    const [sides, changed] = await Promise.all([
      readSnapshots(repo.dir, [base, head], options),
      listChangedFiles(repo.dir, base, head),
    ]);
    expect(gitSpawnCount() - before).toBe(1);
    expect(changed).toHaveLength(3);
    expect(sides.map((side) => side.files.length)).toEqual([51, 51]);
  });

  it('a renamed file still goes through git diff -M', async () => {
    repo = await createTempRepo();
    repo.write('registry/tools/old.yaml', 'name: same\ndescription: a long enough body to match\n');
    const base = await repo.commit('base');
    repo.move('registry/tools/old.yaml', 'registry/tools/new.yaml');
    const head = await repo.commit('rename');
    expect(await listChangedFiles(repo.dir, base, head)).toEqual([
      { path: 'registry/tools/new.yaml', status: 'renamed', oldPath: 'registry/tools/old.yaml' },
    ]);
  });
});

describe('git older than 2.36 (no --batch-command)', () => {
  it('falls back to one process per read and gives the same answers', async () => {
    const { base, head } = await oddRepo();
    const options = { prefixes: ['registry', 'agentgate.yaml'], extraPaths: [], maxBytes: 1 << 20 };
    const read = async () => ({
      refs: await Promise.all([verifyRef(repo.dir, 'HEAD~1'), verifyRef(repo.dir, 'HEAD')]),
      tree: await listTree(repo.dir, head, ['registry/tools']),
      changed: await listChangedFiles(repo.dir, base, head),
      snapshots: await readSnapshots(repo.dir, [base, head], options),
      blobs: await readBlobs(repo.dir, [repo.git('rev-parse', `${head}:agentgate.yaml`)]),
    });
    const modern = await read();
    expect(usesLegacyGit()).toBe(false);
    installOldGit();
    await settleGit();
    const before = gitSpawnCount();
    const legacy = await read();
    expect(usesLegacyGit()).toBe(true);
    expect(legacy).toEqual(modern);
    // learned once: only the first read tried --batch-command
    expect(gitSpawnCount() - before).toBeGreaterThan(5);
    const error = await verifyRef(repo.dir, repo.git('rev-parse', `${head}^{tree}`)).catch((e: unknown) => e);
    expect((error as GitError).kind).toBe('bad-ref');
  });
});

describe('parseTree', () => {
  it('reads modes, names with any bytes, and binary oids', () => {
    const oid = Buffer.alloc(20, 0xab);
    const tree = Buffer.concat([
      Buffer.from('40000 sub\0'),
      oid,
      Buffer.from('100644 new\nline "q"\t.yaml\0'),
      oid,
    ]);
    expect(parseTree(tree, 20)).toEqual([
      { mode: '040000', name: 'sub', oid: 'ab'.repeat(20) },
      { mode: '100644', name: 'new\nline "q"\t.yaml', oid: 'ab'.repeat(20) },
    ]);
  });

  it('refuses a truncated or malformed tree', () => {
    const oid = Buffer.alloc(20, 1);
    expect(() => parseTree(Buffer.concat([Buffer.from('100644 a\0'), oid.subarray(0, 10)]), 20)).toThrow(
      GitError,
    );
    expect(() => parseTree(Buffer.from('100644 no-nul'), 20)).toThrow(GitError);
    expect(() => parseTree(Buffer.concat([Buffer.from('mode a\0'), oid]), 20)).toThrow(GitError);
  });
});
