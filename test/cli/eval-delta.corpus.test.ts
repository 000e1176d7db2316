import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixture } from '../helpers/shared-fixtures.js';

// Drives the built CLI (`npx tsc -p tsconfig.build.json` first), as a user and CI would.
const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURE = sharedFixture('promptfoo', 'results.json');

function agentgate(...args: string[]) {
  return agentgateIn(dir, ...args);
}

function agentgateIn(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/bin/agentgate.js'), 'eval-delta', ...args], {
    encoding: 'utf8',
    cwd,
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
    // SPEC 7: with no bound configured, a drop over 2 points fails (this 25-point drop once passed)
    expect(json.code).toBe(1);
    const delta = JSON.parse(json.stdout) as {
      head: { passRate: number };
      regressions: unknown[];
      verdict: { state: string };
    };
    expect(delta.head.passRate).toBe(6 / 16);
    expect(delta.regressions).toHaveLength(4);
    expect(delta.verdict.state).toBe('failure');

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

  it('fails a 25-point drop with no bound given anywhere: the default allows 2 points', () => {
    const { code, stdout } = agentgate('--base-results', FIXTURE, '--head-results', regressed);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'FAIL  pass rate dropped 62.5% -> 37.5% (-25.0 pts), more than the 2.0 pts allowed',
    );
  });

  it("reads the bounds of the repository's agentgate.yaml when run inside it, flags winning over it", () => {
    const repo = mkdtempSync(join(tmpdir(), 'agentgate-eval-repo-'));
    try {
      mkdirSync(join(repo, '.git'));
      mkdirSync(join(repo, 'evals', 'out'), { recursive: true });
      writeFileSync(
        join(repo, 'agentgate.yaml'),
        'version: 1\nplanes:\n  data:\n    eval: { maxPassRateDrop: 0.3 }\n',
      );
      const sub = join(repo, 'evals', 'out');
      const loose = agentgateIn(sub, '--base-results', FIXTURE, '--head-results', regressed);
      expect(loose.stdout).toContain('max drop 30.0 pts');
      expect(loose.code).toBe(0);
      const strict = agentgateIn(
        sub,
        '--base-results',
        FIXTURE,
        '--head-results',
        regressed,
        '--max-drop',
        '1%',
      );
      expect(strict.code).toBe(1);
      writeFileSync(
        join(repo, 'agentgate.yaml'),
        'version: 1\nplanes:\n  data:\n    eval: { minPassRate: 0.5 }\n',
      );
      const minimum = agentgateIn(repo, '--base-results', FIXTURE, '--head-results', regressed);
      expect(minimum.code).toBe(1);
      expect(minimum.stdout).toContain('under the minimum 50.0%');
      expect(minimum.stdout).toContain('more than the 2.0 pts allowed');
      writeFileSync(
        join(repo, 'agentgate.yaml'),
        'version: 1\nplanes:\n  data:\n    eval: { maxPassRateDrop: 7 }\n',
      );
      const bad = agentgateIn(repo, '--base-results', FIXTURE, '--head-results', regressed);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/agentgate\.yaml:4: field 'planes\.data\.eval\.maxPassRateDrop'/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
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
