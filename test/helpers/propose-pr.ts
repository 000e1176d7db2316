// A pull request in a temp repository, judged by the built CLI: branch `pr` off `main`, the files written (null
// removes one), one commit, then `agentgate diff --format json --base main --head pr`.
import { expect } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from './run-cli.js';
import type { TempRepo } from './temp-repo.js';

export function diffMainToPr(repo: TempRepo): DiffReport {
  const result = runCli(['diff', '--format', 'json', '--base', 'main', '--head', 'pr'], { cwd: repo.dir });
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
  return JSON.parse(result.stdout) as DiffReport;
}

export async function proposePr(repo: TempRepo, files: Record<string, string | null>): Promise<DiffReport> {
  repo.branch('pr');
  repo.checkout('pr');
  for (const [path, text] of Object.entries(files)) {
    if (text === null) repo.remove(path);
    else repo.write(path, text);
  }
  await repo.commit('pr');
  return diffMainToPr(repo);
}
