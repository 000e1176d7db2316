import { afterEach, describe, expect, it } from 'vitest';
import { GitError } from '../../src/git/git-error.js';
import { listCommits } from '../../src/git/log.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

describe('listCommits', () => {
  it('lists the commits of a range that touch the paths, newest first', async () => {
    repo = await createTempRepo();
    repo.write('registry/tools/a.yaml', 'a\n');
    const first = await repo.commit('add tool');
    repo.write('README.md', 'docs\n');
    await repo.commit('docs only');
    repo.write('registry/tools/a.yaml', 'a2\n');
    const third = await repo.commit('widen a — “scopes”');
    const commits = await listCommits(repo.dir, [], ['registry/tools']);
    expect(commits.map((c) => c.sha)).toEqual([third, first]);
    expect(commits[1]).toEqual({
      sha: first,
      parents: [],
      author: 'Test Author',
      email: 'author@example.com',
      date: '2024-01-01T00:00:00+00:00',
      subject: 'add tool',
    });
    expect(commits[0]?.subject).toBe('widen a — “scopes”');
    expect(await listCommits(repo.dir, [`${first}..HEAD`], [])).toHaveLength(2);
  });

  it('reports every parent of a merge', async () => {
    repo = await createTempRepo();
    const base = await repo.commit('base');
    repo.git('checkout', '-q', '-b', 'side');
    const side = await repo.commit('side');
    repo.checkout('main');
    const main = await repo.commit('main');
    repo.git('merge', '-q', '--no-ff', '-m', 'merge', 'side');
    const [merge] = await listCommits(repo.dir, [`${base}..HEAD`], []);
    expect(merge?.parents).toEqual([main, side]);
  });

  it('never passes a range item as an option', async () => {
    repo = await createTempRepo();
    await repo.commit('base');
    await expect(listCommits(repo.dir, ['--output=/tmp/agentgate-log-x'], [])).rejects.toBeInstanceOf(
      GitError,
    );
    await expect(listCommits(repo.dir, ['HEAD'], ['-p'])).rejects.toBeInstanceOf(GitError);
  });
});
