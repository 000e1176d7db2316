import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { sharedFixture } from '../helpers/shared-fixtures.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const PROMPT = 'registry/prompts/cloud-cost/system.md';
let repo: TempRepo;

const results = (passes: boolean[]) =>
  JSON.stringify({ cases: passes.map((pass, i) => ({ id: `case-${i}`, pass })) });

beforeEach(async () => {
  repo = await createTempRepo();
  cpSync(join(ROOT, 'registry'), join(repo.dir, 'registry'), { recursive: true });
  repo.write(
    'agentgate.yaml',
    'version: 1\nplanes:\n  data:\n    eval: { results: eval/results.json, baseline: eval/baseline.json, maxPassRateDrop: 0.1, minPassRate: 0.5 }\n',
  );
  repo.write('eval/baseline.json', results([true, true, true, true, false]));
  await repo.commit('base with eval baseline');
  repo.write(
    PROMPT,
    '---\nid: cloud-cost/system\nversion: 3\ntools: [describe_db_instances, delete_db_instance]\n---\nBe terse.\n',
  );
  await repo.commit('prompt change');
});
afterEach(() => repo.cleanup());

function diff(): { code: number; report: DiffReport } {
  const result = runCli(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], {
    cwd: repo.dir,
  });
  return { code: result.code, report: JSON.parse(result.stdout) as DiffReport };
}

describe('eval delta inside agentgate diff with default bounds, on real promptfoo output', () => {
  it('fails a 25-point drop when the config sets no maxPassRateDrop (SPEC 7)', async () => {
    const promptfoo = JSON.parse(readFileSync(sharedFixture('promptfoo', 'results.json'), 'utf8')) as {
      results: {
        results: {
          testCase: { description: string };
          success: boolean;
          score: number;
          failureReason: number;
        }[];
      };
    };
    repo.write(
      'agentgate.yaml',
      'version: 1\nplanes:\n  data:\n    eval: { results: eval/results.json, baseline: eval/baseline.json }\n',
    );
    repo.write('eval/baseline.json', JSON.stringify(promptfoo));
    await repo.commit('promptfoo baseline, no bounds');
    for (const row of promptfoo.results.results)
      if (row.testCase.description === 'mentions the file')
        Object.assign(row, { success: false, score: 0, failureReason: 1 });
    repo.write(
      PROMPT,
      '---\nid: cloud-cost/system\nversion: 4\ntools: [describe_db_instances, delete_db_instance]\n---\nBe brief.\n',
    );
    await repo.commit('prompt change');
    repo.write('eval/results.json', JSON.stringify(promptfoo));
    const { code, report } = diff();
    expect(report.planes.data.eval?.bounds.maxPassRateDrop).toBe(0.02);
    expect(report.planes.data.eval?.regressions).toHaveLength(4);
    expect(report.planes.data.eval?.verdict).toMatchObject({ state: 'failure' });
    expect(report.planes.data.eval?.verdict.description).toContain(
      '62.5% -> 37.5% (-25.0 pts), more than the 2.0 pts allowed',
    );
    expect(code).toBe(1);
  });
});
