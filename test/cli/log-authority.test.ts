// `log` at catalogue scale: CI-only commits fold to one line, and `log --authority` keeps only the commits that
// moved authority, with only their authority lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogView } from '../../src/core/history/log-entries.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
const shas: Record<string, string> = {};
const ci = (step: string) =>
  `name: ci\non: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${step}\n`;
const settings = (allow: string[]) => `${JSON.stringify({ permissions: { allow } }, null, 2)}\n`;

beforeAll(async () => {
  repo = await createTempRepo();
  repo.write('.claude/settings.json', settings(['Read']));
  repo.write('.github/workflows/ci.yml', ci('npm test'));
  shas.base = await repo.commit('base');
  repo.write('.github/workflows/ci.yml', ci('npm test -- --reporter dot'));
  shas.ci1 = await repo.commit('ci: quieter tests');
  repo.write('.github/workflows/release.yml', ci('npm publish'));
  shas.ci2 = await repo.commit('ci: release workflow');
  repo.write('.github/workflows/ci.yml', ci('npm ci && npm test'));
  shas.ci3 = await repo.commit('ci: clean install');
  repo.write('.claude/settings.json', settings(['Read', 'Bash(git diff:*)']));
  shas.rule = await repo.commit('let claude read diffs');
  repo.write('.github/CODEOWNERS', '* @acme/security\n');
  shas.owners = await repo.commit('owners');
  repo.write('.github/workflows/ci.yml', ci('npm ci && npm test && npm run lint'));
  shas.ci4 = await repo.commit('ci: lint too');
});
afterAll(() => repo.cleanup());

const log = (...args: string[]) => runCli(['log', ...args], { cwd: repo.dir });

describe('agentgate log at catalogue scale', () => {
  it('folds a run of CI-only commits to one line; policy files, rules and a lone CI commit stay', () => {
    const result = log();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `… 3 commits (${shas.ci1!.slice(0, 8)}..${shas.ci3!.slice(0, 8)}) changed only CI files among the gate files, no authority (--authority leaves them out): .github/workflows/ci.yml, .github/workflows/release.yml`,
    );
    expect(result.stdout).not.toContain('ci: quieter tests');
    expect(result.stdout).toContain('ci: lint too');
    expect(result.stdout).toContain('gate file .github/CODEOWNERS added');
    expect(result.stdout).toContain('rule added allow Bash(git diff:*) (claude:settings)');
  });

  it('--authority keeps only the commits that moved authority, and only their authority lines', () => {
    const result = log('--authority', '--format', 'json');
    expect(result.stderr).toBe('');
    const view = JSON.parse(result.stdout) as LogView;
    expect(view.authority).toBe(true);
    expect(view.entries.map((entry) => entry.sha)).toEqual([shas.rule, shas.base]);
    expect(view.entries.flatMap((entry) => entry.lines).some((line) => line.startsWith('gate file'))).toBe(
      false,
    );
    const text = log('--authority').stdout;
    expect(text).not.toContain('ci: lint too');
    expect(text).not.toContain('owners');
    expect(text).toContain('let claude read diffs');
  });

  it('--authority with --max-count counts authority commits only', () => {
    const view = JSON.parse(log('--authority', '--max-count', '1', '--format', 'json').stdout) as LogView;
    expect(view.entries.map((entry) => entry.sha)).toEqual([shas.rule]);
  });

  it('--authority asks for the control plane: with --plane data it is a usage error', () => {
    const result = log('--authority', '--plane', 'data');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--authority');
    expect(result.stderr).not.toContain('    at ');
  });
});
