// Builds one benchmark repository in a temp git repo: the shape's files committed on `main`, each pull request on
// its own branch off `main`. The diff runs in process through the library (computeDiff), as `agentgate diff` does.
import { computeDiff } from '../../src/load/compute-diff.js';
import type { DiffReport } from '../../src/model/types.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import type { PullRequest, Shape } from './shape.js';

export interface BuiltShape {
  repo: TempRepo;
  /** the two-plane diff of the PR's branch against `main` */
  diff(pr: PullRequest): Promise<DiffReport>;
}

export async function buildShape(shape: Shape): Promise<BuiltShape> {
  const repo = await createTempRepo();
  for (const [path, text] of Object.entries(shape.files)) repo.write(path, text);
  await repo.commit(`${shape.name}: the default branch`);
  const branches = new Map<PullRequest, string>();
  for (const [index, pr] of shape.prs.entries()) {
    const branch = `pr-${index + 1}`;
    repo.checkout('main');
    repo.branch(branch);
    repo.checkout(branch);
    for (const [path, text] of Object.entries(pr.files)) {
      if (text === null) repo.remove(path);
      else repo.write(path, text);
    }
    await repo.commit(pr.title);
    branches.set(pr, branch);
  }
  repo.checkout('main');
  return {
    repo,
    async diff(pr) {
      const branch = branches.get(pr);
      if (branch === undefined) throw new Error(`not a PR of ${shape.name}: ${pr.title}`);
      const { report } = await computeDiff({
        cwd: repo.dir,
        base: 'main',
        head: branch,
        today: '2026-12-01',
        skipEval: true,
      });
      return report;
    },
  };
}
