import { describe, expect, it } from 'vitest';
import { matchOwners, ownersOf, parseCodeowners, parseOwner } from '../../src/parse/codeowners.js';

// The GitHub documentation's own example file, one rule per behaviour it describes.
const GITHUB_EXAMPLE = [
  '# comment',
  '*       @global-owner1 @global-owner2',
  '*.js    @js-owner #This is an inline comment.',
  '*.go docs@example.com',
  '*.txt @octo-org/octocats',
  '/build/logs/ @doctocat',
  'docs/*  docs@example.com',
  'apps/ @octocat',
  '/docs/ @doctocat',
  '/scripts/ @doctocat @octocat',
  '**/logs @octocat',
  '/apps/ @octocat',
  '/apps/github',
].join('\n');

describe('parseCodeowners on GitHub semantics', () => {
  const { rules, errors } = parseCodeowners(GITHUB_EXAMPLE, '.github/CODEOWNERS');
  const owners = (path: string) => ownersOf(rules, path);

  it('reads every rule of the documented example without errors', () => {
    expect(errors).toEqual([]);
    expect(rules).toHaveLength(12);
  });

  it('lets the last matching pattern win', () => {
    expect(owners('src/index.js')).toEqual(['@js-owner']);
    expect(owners('README')).toEqual(['@global-owner1', '@global-owner2']);
  });

  it('drops inline comments after the owners', () => {
    expect(rules[1]?.owners).toEqual(['@js-owner']);
  });

  it('anchors `docs/*` at the root and matches direct children only', () => {
    expect(owners('docs/getting-started.md')).toEqual(['@doctocat']);
    const docsStar = rules.find((r) => r.pattern === 'docs/*');
    expect(docsStar?.regex.test('docs/getting-started.md')).toBe(true);
    expect(docsStar?.regex.test('docs/build-app/troubleshooting.md')).toBe(false);
    expect(docsStar?.regex.test('x/docs/a.md')).toBe(false);
  });

  it('matches a trailing-slash directory pattern at any depth', () => {
    const apps = rules.find((r) => r.pattern === 'apps/');
    expect(apps?.regex.test('apps/a.txt')).toBe(true);
    expect(apps?.regex.test('deep/nested/apps/b/c.ts')).toBe(true);
  });

  it('matches `**/logs` in any directory, including everything below it', () => {
    expect(owners('build/logs/today.txt')).toEqual(['@octocat']);
    expect(owners('deeply/nested/logs/x')).toEqual(['@octocat']);
  });

  it('un-owns a path when the last match names nobody', () => {
    expect(matchOwners(rules, 'apps/github/readme.md')?.owners).toEqual([]);
    expect(owners('apps/other/readme.md')).toEqual(['@octocat']);
  });

  it('returns null when no rule matches', () => {
    expect(matchOwners(parseCodeowners('/only/ @a', 'CODEOWNERS').rules, 'else/x')).toBeNull();
  });
});

describe('parseCodeowners syntax', () => {
  it('keeps escaped spaces in a pattern', () => {
    const { rules, errors } = parseCodeowners('path\\ with\\ spaces/ @space-owner', 'CODEOWNERS');
    expect(errors).toEqual([]);
    expect(ownersOf(rules, 'path with spaces/file')).toEqual(['@space-owner']);
    expect(ownersOf(rules, 'path/file')).toEqual([]);
  });

  it('treats regex characters in patterns literally', () => {
    const { rules } = parseCodeowners('/a+b.(c)/ @x\n*.md @y', 'CODEOWNERS');
    expect(ownersOf(rules, 'a+b.(c)/z')).toEqual(['@x']);
    expect(ownersOf(rules, 'aab.(c)/z')).toEqual([]);
    expect(ownersOf(rules, 'read.md')).toEqual(['@y']);
    expect(ownersOf(rules, 'readXmd')).toEqual([]);
  });

  it('supports ? and a middle ** across directories', () => {
    const { rules } = parseCodeowners('/src/**/test?.ts @t', 'CODEOWNERS');
    expect(ownersOf(rules, 'src/test1.ts')).toEqual(['@t']);
    expect(ownersOf(rules, 'src/a/b/test2.ts')).toEqual(['@t']);
    expect(ownersOf(rules, 'src/a/test10.ts')).toEqual([]);
  });

  it('does not let `#` be escaped, as GitHub documents', () => {
    const { rules } = parseCodeowners('\\#file @owner', 'CODEOWNERS');
    expect(rules).toEqual([]);
  });

  it('skips lines GitHub rejects and reports file and line', () => {
    const text = [
      '* @ok',
      '!negated @x',
      'src/*.[ch] @y',
      'lib/ @bad!owner',
      '[Section] @z',
      'a/***/b @w',
    ].join('\n');
    const { rules, errors } = parseCodeowners(text, '.github/CODEOWNERS');
    expect(rules.map((r) => r.pattern)).toEqual(['*']);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    expect(errors[0]?.message).toMatch(/^\.github\/CODEOWNERS:2: .*"!"/);
    expect(errors[2]?.message).toContain('invalid owner "@bad!owner"');
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const { rules } = parseCodeowners('\uFEFF* @a\r\n/x/ @b\r\n', 'CODEOWNERS');
    expect(rules.map((r) => r.owners)).toEqual([['@a'], ['@b']]);
  });

  it('classifies users, teams and emails', () => {
    expect(parseOwner('@octocat')).toEqual({ kind: 'user', login: 'octocat', raw: '@octocat' });
    expect(parseOwner('@acme/security')).toEqual({
      kind: 'team',
      org: 'acme',
      slug: 'security',
      raw: '@acme/security',
    });
    expect(parseOwner('sec@acme.com')).toEqual({ kind: 'email', email: 'sec@acme.com', raw: 'sec@acme.com' });
    expect(parseOwner('octocat')).toBeNull();
    expect(parseOwner('@a/b/c')).toBeNull();
  });
});
