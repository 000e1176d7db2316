// The eval-delta command on agentgate's own small promptfoo run (test/fixtures/promptfoo), so it is checked on
// any machine; eval-delta.corpus.test.ts runs it again on promptfoo's real output.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SMALL = fileURLToPath(new URL('../fixtures/promptfoo/small-run.json', import.meta.url));
let dir: string;
let regressed: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-eval-small-'));
  const head = JSON.parse(readFileSync(SMALL, 'utf8')) as { results: { results: Record<string, unknown>[] } };
  for (const row of head.results.results)
    if ((row['testCase'] as { description: string }).description === 'names the queue')
      Object.assign(row, { success: false, score: 0, failureReason: 1 });
  regressed = join(dir, 'head.json');
  writeFileSync(regressed, JSON.stringify(head));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const evalDelta = (...args: string[]) => runCli(['eval-delta', ...args], { cwd: dir });

describe('agentgate eval-delta on a small promptfoo run', () => {
  it('passes a head run equal to its base', () => {
    const { code, stdout } = evalDelta('--base-results', SMALL, '--head-results', SMALL);
    expect(code).toBe(0);
    expect(stdout).toContain('PASS  pass rate 75.0% -> 75.0%');
  });

  it('fails a drop over the default 2 points and names each regressed case', () => {
    const { code, stdout } = evalDelta(
      '--base-results',
      SMALL,
      '--head-results',
      regressed,
      '--format',
      'json',
    );
    expect(code).toBe(1);
    const delta = JSON.parse(stdout) as {
      head: { passRate: number };
      regressions: unknown[];
      verdict: { state: string };
    };
    expect(delta.head.passRate).toBe(5 / 12);
    expect(delta.regressions).toHaveLength(4);
    expect(delta.verdict.state).toBe('failure');
  });

  it('exits 2 with one line naming the file and field of a malformed row', () => {
    const bad = join(dir, 'bad.json');
    const output = JSON.parse(readFileSync(SMALL, 'utf8')) as {
      results: { results: Record<string, unknown>[] };
    };
    output.results.results[0]!['score'] = 'high';
    writeFileSync(bad, JSON.stringify(output));
    const { code, stderr } = evalDelta('--head-results', bad);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('results.results[0].score');
  });
});
