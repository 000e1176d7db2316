import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEvalDelta } from '../../src/load/load-eval.js';
import type { EvalLoad } from '../../src/load/load-eval.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const results = (passes: boolean[]) =>
  JSON.stringify({ cases: passes.map((pass, i) => ({ id: `case-${i}`, pass })) });
const HALF = results([true, false, true, false]);
const ALL = results([true, true, true, true]);
const CONFIG = { results: 'eval/results.json', baseline: 'eval/baseline.json', minPassRate: 0.9 };

let repo: TempRepo;
let base: string;

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('eval/baseline.json', HALF);
  repo.write('README.md', 'x\n');
  base = await repo.commit('base');
});
afterEach(() => repo.cleanup());

const headPassRate = (loaded: EvalLoad) =>
  loaded && 'delta' in loaded ? (loaded.delta.head?.passRate ?? null) : 'invalid';
const distrust = (loaded: EvalLoad) => (loaded && 'delta' in loaded ? loaded.distrust : null);

describe('eval results for the head', () => {
  it('are read from the working tree the CI job wrote', async () => {
    repo.write('registry.txt', 'change\n');
    const head = await repo.commit('change');
    repo.write('eval/results.json', ALL);
    const loaded = await loadEvalDelta(repo.dir, CONFIG, base, head);
    expect(headPassRate(loaded)).toBe(1);
    expect(distrust(loaded)).toBeNull();
  });

  it('are pending when the CI job wrote none, however the head commit looks', async () => {
    repo.write('registry.txt', 'change\n');
    const head = await repo.commit('change');
    const loaded = await loadEvalDelta(repo.dir, CONFIG, base, head);
    expect(headPassRate(loaded)).toBeNull();
    expect(loaded && 'delta' in loaded && loaded.delta.verdict.state).toBe('pending');
  });

  it('are never the file the PR committed: pending, with the reason', async () => {
    repo.write('eval/results.json', ALL);
    const head = await repo.commit('my own 100% pass rate');
    const loaded = await loadEvalDelta(repo.dir, CONFIG, base, head);
    expect(headPassRate(loaded)).toBeNull();
    expect(distrust(loaded)?.message).toContain('committed in the pull request');
  });

  it('a PR-committed file stays untrusted even when the working copy differs (CRLF, a later edit)', async () => {
    repo.write('eval/results.json', ALL);
    const head = await repo.commit('committed');
    repo.write('eval/results.json', `${ALL}\r\n`);
    const loaded = await loadEvalDelta(repo.dir, CONFIG, base, head);
    expect(headPassRate(loaded)).toBeNull();
    expect(distrust(loaded)).not.toBeNull();
  });

  it('a committed results file the PR did not change is not taken for a CI run', async () => {
    repo.write('eval/results.json', ALL);
    const b = await repo.commit('results committed on the base');
    repo.write('registry.txt', 'change\n');
    const head = await repo.commit('change');
    const loaded = await loadEvalDelta(repo.dir, CONFIG, b, head);
    expect(headPassRate(loaded)).toBeNull();
    expect(distrust(loaded)?.message).toContain('not results the CI job wrote');
  });

  it('refuses a results file reached through a symbolic link the PR committed', async () => {
    repo.write('registry/fake/results.json', ALL);
    repo.symlink('../registry/fake/results.json', 'eval/results.json');
    const head = await repo.commit('link');
    const loaded = await loadEvalDelta(repo.dir, CONFIG, base, head);
    expect(headPassRate(loaded)).toBeNull();
    expect(distrust(loaded)).not.toBeNull();
  });

  it('refuses a results folder that is a symbolic link', async () => {
    repo.write('registry/fake/results.json', ALL);
    repo.symlink('registry/fake', 'eval2');
    const head = await repo.commit('folder link');
    const loaded = await loadEvalDelta(repo.dir, { ...CONFIG, results: 'eval2/results.json' }, base, head);
    expect(headPassRate(loaded)).toBeNull();
    expect(distrust(loaded)?.message).toContain('symbolic link');
  });

  it('the baseline still comes from the base commit', async () => {
    repo.write('eval/baseline.json', ALL);
    const head = await repo.commit('raise the baseline in the PR');
    repo.write('eval/results.json', HALF);
    const loaded = await loadEvalDelta(repo.dir, CONFIG, base, head);
    expect(loaded && 'delta' in loaded ? loaded.delta.base?.passRate : null).toBe(0.5);
  });
});
