// `agentgate diff` on a real repository of client files: `--fail-on escalation` counts every kind whose radius
// rises (a subagent gaining a shell, privileged allow rules), descriptive keys cost nothing, and a key is inert
// only when the BASE commit's config says so: a pull request cannot make its own keys inert.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const SUBAGENT = '.claude/agents/reviewer.md';
const subagent = (tools: string, extra = '') =>
  `---\nname: reviewer\ndescription: reviews diffs\ntools: ${tools}\n${extra}---\nReview the diff.\n`;
const SETTINGS = '.claude/settings.json';
const settings = (allow: string[], extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ permissions: { allow }, ...extra }, null, 2)}\n`;
const CONFIG = 'version: 1\nsources:\n  claude-code:\n    inert: [review-owner]\n';

let repo: TempRepo;

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write(SUBAGENT, subagent('Read, Grep', 'review-owner: alice\n'));
  repo.write(SETTINGS, settings(['Read'], { includeCoAuthoredBy: true }));
  await repo.commit('client files');
  repo.branch('pr');
  repo.checkout('pr');
});
afterEach(() => repo.cleanup());

const failsOnEscalation = () =>
  runCli(['diff', '--base', 'main', '--head', 'pr', '--fail-on', 'escalation'], { cwd: repo.dir }).code;

function report(): DiffReport {
  const result = runCli(['diff', '--base', 'main', '--head', 'pr', '--format', 'json'], { cwd: repo.dir });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as DiffReport;
}

describe('--fail-on escalation counts every kind', () => {
  it('fails when a subagent gains Bash', async () => {
    repo.write(SUBAGENT, subagent('Read, Grep, Bash', 'review-owner: alice\n'));
    await repo.commit('reviewer runs commands');
    expect(failsOnEscalation()).toBe(1);
  });

  it('fails when privileged allow rules are added', async () => {
    repo.write(SETTINGS, settings(['Read', 'Bash(curl:*)', 'Bash(ssh:*)'], { includeCoAuthoredBy: true }));
    await repo.commit('network from the shell');
    expect(failsOnEscalation()).toBe(1);
  });

  it('passes when only descriptive keys changed, and asks no sign-off', async () => {
    repo.write(
      SUBAGENT,
      subagent('Read, Grep', 'review-owner: alice\ncolor: blue\n').replace('reviews', 'checks'),
    );
    repo.write(SETTINGS, settings(['Read'], { includeCoAuthoredBy: false }));
    await repo.commit('wording');
    expect(failsOnEscalation()).toBe(0);
    expect(report().planes.control.requiredSignoffs).toBe(0);
  });
});

describe('inert keys come from the base config only', () => {
  it('a key the PR itself marks inert still costs a sign-off', async () => {
    repo.write('agentgate.yaml', CONFIG);
    repo.write(SUBAGENT, subagent('Read, Grep', 'review-owner: mallory\n'));
    await repo.commit('make my key inert and change it');
    const plane = report().planes.control;
    expect((plane.permissions ?? []).map((p) => p.rule)).toEqual(
      expect.arrayContaining(['review-owner=alice', 'review-owner=mallory']),
    );
    expect(plane.requiredSignoffs).toBeGreaterThan(0);
  });

  it('once the base config marks it inert, changing it costs nothing', async () => {
    repo.checkout('main');
    repo.write('agentgate.yaml', CONFIG);
    await repo.commit('review-owner only describes');
    repo.git('branch', '-f', 'pr', 'main');
    repo.checkout('pr');
    repo.write(SUBAGENT, subagent('Read, Grep', 'review-owner: bob\n'));
    await repo.commit('new owner');
    const plane = report().planes.control;
    expect(plane.permissions ?? []).toEqual([]);
    expect(plane.requiredSignoffs).toBe(0);
    expect(failsOnEscalation()).toBe(0);
  });
});
