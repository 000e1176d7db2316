import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixture } from '../helpers/shared-fixtures.js';

// Drives the built CLI (`npx tsc -p tsconfig.build.json` first), as a user and CI would.
const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURE = sharedFixture('promptfoo', 'results.json');

function agentgate(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/bin/agentgate.js'), 'eval-delta', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let regressed: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-eval-delta-'));
  const head = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    results: { results: Record<string, unknown>[] };
  };
  for (const row of head.results.results) {
    if ((row['testCase'] as { description: string }).description === 'mentions the file') {
      Object.assign(row, { success: false, score: 0, failureReason: 1 });
    }
  }
  regressed = join(dir, 'head.json');
  writeFileSync(regressed, JSON.stringify(head));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('agentgate eval-delta', () => {
  it('exits 0 with a pass verdict when the head run matches the base', () => {
    const { code, stdout } = agentgate(
      '--base-results',
      FIXTURE,
      '--head-results',
      FIXTURE,
      '--max-drop',
      '2%',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('PASS  pass rate 62.5% -> 62.5%');
  });

  it('exits 1 and names the regressions when the pass rate drops beyond --max-drop', () => {
    const { code, stdout } = agentgate(
      '--base-results',
      FIXTURE,
      '--head-results',
      regressed,
      '--max-drop',
      '0.02',
    );
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL  pass rate dropped 62.5% -> 37.5% (-25.0 pts)');
    expect(stdout).toContain('regressions (4)');
    expect(stdout).toContain('mentions the file [prompt 1 @ upper]  1/1 -> 0/1 passed');
  });

  it('prints the delta as JSON and as a Markdown table', () => {
    const json = agentgate('--base-results', FIXTURE, '--head-results', regressed, '--format', 'json');
    expect(json.code).toBe(0);
    const delta = JSON.parse(json.stdout) as {
      head: { passRate: number };
      regressions: unknown[];
      verdict: { state: string };
    };
    expect(delta.head.passRate).toBe(6 / 16);
    expect(delta.regressions).toHaveLength(4);
    expect(delta.verdict.state).toBe('success');

    const markdown = agentgate(
      '--base-results',
      FIXTURE,
      '--head-results',
      regressed,
      '--format',
      'markdown',
      '--min-pass-rate',
      '50%',
    );
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('### ❌ Eval delta: failure');
    expect(markdown.stdout).toMatch(/\| pass rate \| 62\.5% \(10\/16\) \| 37\.5% \(6\/16\) \| -25\.0 pts \|/);
    expect(markdown.stdout).toContain('**Regressions (4)**');
  });

  it('judges without a baseline on --min-pass-rate alone', () => {
    const { code, stdout } = agentgate('--head-results', FIXTURE, '--min-pass-rate', '0.6');
    expect(code).toBe(0);
    expect(stdout).toContain('pass rate 62.5% (no baseline)');
  });

  it('reports pending, and exits 1, without head results', () => {
    const { code, stdout } = agentgate('--base-results', FIXTURE);
    expect(code).toBe(1);
    expect(stdout).toContain('PENDING');
  });

  it('exits 2 with one line naming the file and field of malformed results', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ cases: [{ id: 'a', pass: 'yes' }] }));
    const { code, stdout, stderr } = agentgate('--base-results', FIXTURE, '--head-results', bad);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`agentgate: ${bad}: cases[0].pass: expected true or false\n`);
  });

  it('exits 2 on a file that is missing or not JSON', () => {
    const missing = agentgate('--head-results', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read eval results: no such file/);
    const notJson = join(dir, 'truncated.json');
    writeFileSync(notJson, '{"results": {');
    const broken = agentgate('--head-results', notJson);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/truncated\.json: not valid JSON/);
  });

  it('exits 2 on a bound that is not a rate', () => {
    const { code, stderr } = agentgate('--head-results', FIXTURE, '--max-drop', '5');
    expect(code).toBe(2);
    expect(stderr).toContain(
      "--max-drop: expected a fraction between 0 and 1 (e.g. 0.02) or a percentage (e.g. 2%), got '5'",
    );
  });
});
