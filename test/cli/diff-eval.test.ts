import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
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

describe('eval delta inside agentgate diff', () => {
  it('is pending, and says what to run, while the head results are missing', () => {
    const { report } = diff();
    expect(report.planes.data.eval?.verdict.state).toBe('pending');
  });

  it('passes a prompt change whose pass rate holds', () => {
    repo.write('eval/results.json', results([true, true, true, true, true]));
    const { code, report } = diff();
    expect(report.planes.data.eval?.verdict.state).toBe('success');
    expect(report.planes.data.eval?.fixes.map((f) => f.id)).toEqual(['case-4']);
    expect(code).toBe(0);
  });

  it('fails the data plane, and only the data plane, when the pass rate drops beyond the bound', () => {
    repo.write('eval/results.json', results([true, false, false, true, false]));
    const { code, report } = diff();
    expect(report.planes.data.eval?.verdict.state).toBe('failure');
    expect(report.planes.data.eval?.regressions.map((f) => f.id)).toEqual(['case-1', 'case-2']);
    expect(report.planes.control.changed).toBe(false);
    expect(code).toBe(1);
  });

  it('refuses malformed head results with one line and exit 2', () => {
    repo.write('eval/results.json', '{"cases": [{"id": 3}]}');
    const result = runCli(['diff', '--base', 'HEAD~1', '--head', 'HEAD'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/eval\/results\.json/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
