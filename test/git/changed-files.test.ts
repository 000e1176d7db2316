import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listChangedFiles } from '../../src/git/changed-files.js';
import { GitError } from '../../src/git/git-error.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

const MANIFEST =
  'apiVersion: agentgate/v1\nkind: Tool\nname: read_ticket\ndescription: Reads one ticket by id.\n';

async function baseRepo(): Promise<string> {
  repo = await createTempRepo();
  repo.write('registry/tools/keep.yaml', MANIFEST);
  repo.write('registry/tools/edit.yaml', 'name: edit\n');
  repo.write('registry/tools/gone.yaml', 'name: gone\n');
  repo.write('registry/tools/old-name.yaml', MANIFEST.replace('read_ticket', 'moved'));
  return repo.commit('base');
}

describe('listChangedFiles between two commits', () => {
  it('reports added, modified, deleted and renamed files, renames with oldPath', async () => {
    const base = await baseRepo();
    repo.write('registry/tools/new.yaml', 'name: new\n');
    repo.write('registry/tools/edit.yaml', 'name: edit\neffect: write\n');
    repo.remove('registry/tools/gone.yaml');
    repo.move('registry/tools/old-name.yaml', 'registry/tools/new-name.yaml');
    const head = await repo.commit('change');
    expect(await listChangedFiles(repo.dir, base, head)).toEqual([
      { path: 'registry/tools/edit.yaml', status: 'modified' },
      { path: 'registry/tools/gone.yaml', status: 'deleted' },
      { path: 'registry/tools/new-name.yaml', status: 'renamed', oldPath: 'registry/tools/old-name.yaml' },
      { path: 'registry/tools/new.yaml', status: 'added' },
    ]);
  });

  it('keeps paths with spaces, newlines and unicode intact', async () => {
    const base = await baseRepo();
    const odd = [
      'registry/prompts/with space.md',
      'registry/prompts/new\nline.md',
      'registry/prompts/naïve-日本.md',
      'registry/tabs\there.md',
    ];
    for (const path of odd) repo.write(path, `${path}\n`);
    const head = await repo.commit('odd names');
    const files = await listChangedFiles(repo.dir, base, head);
    expect(files.map((f) => f.path).sort()).toEqual([...odd].sort());
    expect(files.every((f) => f.status === 'added')).toBe(true);
  });

  it('reports nothing for identical commits', async () => {
    const base = await baseRepo();
    const head = await repo.commit('empty');
    expect(await listChangedFiles(repo.dir, base, head)).toEqual([]);
  });

  it('refuses anything but a full commit id', async () => {
    const base = await baseRepo();
    await expect(listChangedFiles(repo.dir, '--output=/tmp/agentgate-x', base)).rejects.toBeInstanceOf(
      GitError,
    );
    await expect(listChangedFiles(repo.dir, base, 'HEAD')).rejects.toThrow(/not a full commit id/);
  });
});

describe('listChangedFiles against the working tree', () => {
  it('includes staged and unstaged changes, deletions and untracked files but not ignored ones', async () => {
    const base = await baseRepo();
    repo.write('.gitignore', 'secret.env\n');
    repo.write('secret.env', 'TOKEN=1\n');
    repo.write('registry/tools/edit.yaml', 'name: edit\neffect: irreversible\n');
    repo.git('add', 'registry/tools/edit.yaml');
    repo.write('registry/tools/keep.yaml', `${MANIFEST}owner: "@acme"\n`);
    repo.remove('registry/tools/gone.yaml');
    repo.write('registry/tools/untracked tool.yaml', 'name: fresh\n');
    repo.write('registry/prompts/ünïcode.md', '---\nid: x\n---\n');
    expect(await listChangedFiles(repo.dir, base, null)).toEqual([
      { path: '.gitignore', status: 'added' },
      { path: 'registry/prompts/ünïcode.md', status: 'added' },
      { path: 'registry/tools/edit.yaml', status: 'modified' },
      { path: 'registry/tools/gone.yaml', status: 'deleted' },
      { path: 'registry/tools/keep.yaml', status: 'modified' },
      { path: 'registry/tools/untracked tool.yaml', status: 'added' },
    ]);
  });

  it('detects a staged rename', async () => {
    const base = await baseRepo();
    repo.git('mv', 'registry/tools/old-name.yaml', 'registry/tools/renamed.yaml');
    expect(await listChangedFiles(repo.dir, base, null)).toEqual([
      { path: 'registry/tools/renamed.yaml', status: 'renamed', oldPath: 'registry/tools/old-name.yaml' },
    ]);
  });

  it('includes work committed since the base', async () => {
    const base = await baseRepo();
    repo.write('registry/tools/later.yaml', 'name: later\n');
    await repo.commit('later');
    expect(await listChangedFiles(repo.dir, base, null)).toEqual([
      { path: 'registry/tools/later.yaml', status: 'added' },
    ]);
  });

  it('ignores files whose timestamps changed but whose content did not', async () => {
    const base = await baseRepo();
    repo.write('registry/tools/keep.yaml', MANIFEST);
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(join(repo.dir, 'registry/tools/keep.yaml'), later, later);
    expect(await listChangedFiles(repo.dir, base, null)).toEqual([]);
  });

  it('reports top-level paths when run from a subdirectory', async () => {
    const base = await baseRepo();
    repo.write('registry/tools/sub.yaml', 'name: sub\n');
    repo.write('registry/tools/edit.yaml', 'name: edited\n');
    expect(await listChangedFiles(join(repo.dir, 'registry'), base, null)).toEqual([
      { path: 'registry/tools/edit.yaml', status: 'modified' },
      { path: 'registry/tools/sub.yaml', status: 'added' },
    ]);
  });
});
