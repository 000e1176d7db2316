import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodeownersReport } from '../../src/core/codeowners/codeowners-check.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const OWNERS = ['--prompt-owner', '@acme/prompt-eng', '--tool-owner', '@acme/security'];
let repo: TempRepo;

// Small CODEOWNERS files in this project's own words, each with a shape real files have: team owners and a
// catch-all; a pattern that un-owns a folder; an inline comment, a pattern without owners and no final newline.
const OWN_FIXTURES: Record<string, string> = {
  'teams-and-catch-all': [
    '# Owners of the support agent',
    '*                 @acme/platform',
    '/docs/            @acme/docs @acme/platform',
    '/services/billing/ @acme/payments',
    '*.tf              @acme/infra',
    '',
  ].join('\n'),
  'ownerless-override': [
    '/notes/        @acme/release-crew',
    '/notes/drafts',
    '/src/**/*.go   @acme/go-maintainers  @acme-lead',
    '',
  ].join('\n'),
  'comments-no-final-newline': [
    '# maintained folders',
    '/plugins/alpha/   @alpha-dev',
    '/plugins/beta/ #unmaintained',
    '',
    '/plugins/gamma/   @gamma-dev  @acme/reviewers',
  ].join('\n'),
};
const fixture = (name: string) => Buffer.from(OWN_FIXTURES[name] ?? '', 'utf8');
const codeowners = (...args: string[]) => runCli(['codeowners', ...args], { cwd: repo.dir });
const report = (...args: string[]) =>
  JSON.parse(codeowners(...args, '--format', 'json').stdout) as CodeownersReport & {
    written?: { path: string; changed: boolean; overrides: string[] };
  };

beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

describe('agentgate codeowners', () => {
  it.each([
    ['teams-and-catch-all', '.github/CODEOWNERS'],
    ['ownerless-override', 'CODEOWNERS'],
    ['comments-no-final-newline', 'docs/CODEOWNERS'],
  ])('%s at %s: --check fails, --write appends the block to that file, then --check passes', (name, path) => {
    const original = fixture(name);
    repo.write(path, original);
    const before = codeowners('--check');
    expect(before.code).toBe(1);
    expect(
      report()
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.code),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^(plane-unowned|fused-ownership)$/)]));

    const written = report('--write', ...OWNERS);
    expect(written.written).toEqual({ path, changed: true, overrides: expect.any(Array) });
    // every earlier rule the block takes paths from is said, in the run and in the block
    const said = written.written?.overrides ?? [];
    for (const line of said) expect(readFileSync(join(repo.dir, path), 'utf8')).toContain(`# ${line}\n`);
    if (name === 'teams-and-catch-all') expect(said[0]).toMatch(/^overrides line 2 "\*" \(@acme\/platform\)/);
    const after = readFileSync(join(repo.dir, path));
    expect(after.subarray(0, original.length).equals(original)).toBe(true);
    expect(codeowners('--check').code).toBe(0);
    expect(report('--write').written).toEqual({ path, changed: false, overrides: said });
  });

  it('reads the first CODEOWNERS GitHub finds, as GitHub does', () => {
    repo.write('CODEOWNERS', '* @acme/everyone\n');
    repo.write(
      '.github/CODEOWNERS',
      '/registry/prompts/ @p\n/registry/tools/ @s\n/agentgate.yaml @s\n/.github/ @s\n/action.yml @s\n/.gitattributes @s\n',
    );
    const result = report('--check');
    expect(result.file).toBe('.github/CODEOWNERS');
    expect(result.findings).toEqual([]);
    expect(codeowners('--check').code).toBe(0);
  });

  it('exits 1 under --check, 0 without it, and names the rule that takes tools away', () => {
    repo.write(
      '.github/CODEOWNERS',
      '/registry/prompts/ @p\n/registry/tools/ @s\n/agentgate.yaml @s\n/.github/ @s\n*.yaml @someone\n',
    );
    expect(codeowners().code).toBe(0);
    const checked = codeowners('--check');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('line 5 "*.yaml" comes after the control rule (line 2)');
  });

  it('asks for owners it cannot tell apart instead of guessing', () => {
    repo.write('.github/CODEOWNERS', '* @acme/everyone\n');
    const result = codeowners('--write');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--prompt-owner');
    expect(readFileSync(join(repo.dir, '.github/CODEOWNERS'), 'utf8')).toBe('* @acme/everyone\n');
  });

  it('fixes the block from its own owners: a later catch-all is overtaken by moving the block last', () => {
    expect(codeowners('--write', ...OWNERS).code).toBe(0);
    const path = join(repo.dir, '.github/CODEOWNERS');
    repo.write('.github/CODEOWNERS', `${readFileSync(path, 'utf8')}*.yaml @someone\n`);
    expect(codeowners('--check').code).toBe(1);
    expect(codeowners('--write').code).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/\*\.yaml @someone\n\n# agentgate:begin/);
    expect(codeowners('--check').code).toBe(0);
  });

  it('refuses to write through a symbolic link', () => {
    repo.write('elsewhere.txt', '* @a\n');
    symlinkSync(join(repo.dir, 'elsewhere.txt'), join(repo.dir, 'CODEOWNERS'));
    const result = codeowners('--write', ...OWNERS);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('symbolic links are refused');
    expect(readFileSync(join(repo.dir, 'elsewhere.txt'), 'utf8')).toBe('* @a\n');
  });

  it('takes owner flags only with --write', () => {
    expect(codeowners('--check', '--tool-owner', '@s').code).toBe(2);
    expect(codeowners('--check', '--write').code).toBe(2);
  });
});
