// A real history of pull requests merged with --no-ff, each known to the fake GitHub as merged by its merge
// commit: what `audit` and `release --require-signed` judge. Commits are dated one second apart so that their
// order never depends on the machine's speed.
import type { FakeCommit, FakeGitHub } from './fake-github.js';
import { runTestGit } from './temp-repo.js';
import type { TempRepo } from './temp-repo.js';

export interface MergedPull {
  base: string;
  heads: string[];
  head: string;
  merge: string;
}

export interface PullHistory {
  /** stages everything and commits it; returns the commit id */
  commit(message: string): string;
  /**
   * A branch of one commit per edit, merged into main with --no-ff and registered as merged pull `number`.
   * `commits` says who GitHub lists as authors and committers of its commits (default: the PR's author).
   */
  mergePull(
    number: number,
    author: string,
    edits: (() => void)[],
    options?: { commits?: (heads: string[]) => FakeCommit[]; mergedAt?: string },
  ): MergedPull;
}

export function createPullHistory(repo: TempRepo, fake: FakeGitHub): PullHistory {
  let clock = Date.UTC(2024, 0, 2) / 1000;
  const dated = () => {
    const date = `@${clock++} +0000`;
    return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  };
  const commit = (message: string): string => {
    runTestGit(repo.dir, ['add', '-A']);
    runTestGit(repo.dir, ['commit', '-q', '-m', message], dated());
    return repo.git('rev-parse', 'HEAD');
  };
  const mergePull: PullHistory['mergePull'] = (number, author, edits, options = {}) => {
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', `feature-${number}`);
    const heads = edits.map((edit, i) => {
      edit();
      return commit(`PR ${number} step ${i + 1}`);
    });
    repo.git('checkout', '-q', 'main');
    runTestGit(
      repo.dir,
      ['merge', '-q', '--no-ff', `feature-${number}`, '-m', `Merge pull request #${number}`],
      dated(),
    );
    const merge = repo.git('rev-parse', 'HEAD');
    const head = heads[heads.length - 1] as string;
    fake.addPull({
      number,
      author,
      baseSha: base,
      headSha: head,
      headRef: `feature-${number}`,
      state: 'closed',
      mergeCommitSha: merge,
      mergedAt: options.mergedAt ?? '2024-01-03T00:00:00Z',
      ...(options.commits && { commits: options.commits(heads) }),
    });
    return { base, heads, head, merge };
  };
  return { commit, mergePull };
}
