import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateIntent } from '../../../src/core/intent/evaluate-intent.js';
import { foldTarget } from '../../../src/core/intent/fold-target.js';
import { findProtectedTargets } from '../../../src/core/intent/protected-targets.js';
import { compileTargetGlob } from '../../../src/core/intent/target-glob.js';
import { makeTool } from '../../helpers/make-tool.js';

const deleteDb = makeTool({
  name: 'delete_db_instance',
  effect: 'irreversible',
  policy: { protectedTargets: ['prod-*'], targetField: 'db_instance_id' },
});
const readFile = makeTool({
  name: 'read_file',
  effect: 'read',
  policy: { protectedTargets: ['/data/prod/**'], targetField: 'path' },
});
const anywhere = makeTool({ name: 'copy', effect: 'write', policy: { protectedTargets: ['prod-*'] } });
const tools = [deleteDb, readFile, anywhere];

const decide = (tool: string, args: unknown) => evaluateIntent(tools, { tool, args });
const del = (id: unknown) => decide('delete_db_instance', { db_instance_id: id }).decision;
const read = (path: unknown) => decide('read_file', { path }).decision;
const codes = (tool: string, args: unknown) => decide(tool, args).reasons.map((r) => r.code);

// invisible characters of every family the fold removes
const INVISIBLES = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u034F',
  '\uFE0F',
  '\uFE00',
  '\u{E0100}',
  '\u{E0041}',
  '\u{E007F}',
  '\u180B',
  '\u180E',
  '\u115F',
  '\u1160',
  '\u3164',
  '\uFFA0',
  '\u2800',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u0301',
  '\u0336',
];

describe('protected targets: spellings of the same name', () => {
  it.each([
    ['full-width letters', 'ｐｒｏｄ-ｄｂ'],
    ['upper case', 'PROD-DB'],
    ['mixed case', 'pRoD-db'],
    ['surrounding white space', '  prod-db\t'],
    ['no-break and ideographic spaces', '\u00A0prod-db\u3000'],
    ['a zero-width space', 'pr\u200Bod-db'],
    ['a soft hyphen', 'pro\u00ADd-db'],
    ['bidi overrides', '\u202Eprod-db\u202C'],
    ['tag characters', 'prod\u{E0020}-db'],
    ['a variation selector', 'p\uFE0Frod-db'],
    ['combining marks', 'pr\u00F6d-db'],
    ['a combining overlay', 'p\u0336rod-db'],
    ['modifier and circled letters', 'p\u02B3\u24DEd-db'],
    ['Cyrillic look-alikes', '\u0440r\u043Ed-db'],
    ['Greek look-alikes', '\u03C1r\u03BFd-db'],
    ['the dotless i and Kelvin sign folds', 'prod-\u212A\u0131'],
    ['percent-encoding', 'prod%2Ddb'],
    ['double percent-encoding', 'prod%252Ddb'],
    ['a line separator inside', 'prod\u2028-db'],
    ['a newline inside', 'prod\n-db'],
  ])('denies the protected identifier spelled with %s', (_label, id) => {
    expect(del(id)).toBe('deny');
  });

  it.each([
    ['a resource path', 'projects/p/instances/prod-1'],
    ['a relative path', './prod-1'],
    ['dot segments', 'x/../prod-1'],
    ['backslashes', 'dbs\\prod-1'],
    ['a fully qualified name', 'prod-1.'],
  ])('denies the protected identifier given as %s', (_label, id) => {
    expect(del(id)).toBe('deny');
  });

  it('denies an exact DNS name written fully qualified', () => {
    const dns = makeTool({
      name: 'dns',
      effect: 'write',
      policy: { protectedTargets: ['db.example.com'], targetField: 'host' },
    });
    const run = (host: string) => evaluateIntent([dns], { tool: 'dns', args: { host } }).decision;
    expect(run('DB.example.com.')).toBe('deny');
    expect(run('db.example.org')).toBe('allow');
  });

  it('spells invisible and control characters of the value as escapes in the message', () => {
    const decision = decide('delete_db_instance', { db_instance_id: '\u202Eprod-1\u0085\u200B' });
    const message = decision.reasons[0]?.message ?? '';
    expect(message).toContain('\\u{202e}prod-1\\u{85}\\u{200b}');
    expect(message).not.toMatch(/[\u202E\u0085\u200B]/u);
    const key = decide('copy', { ['\u202Ex']: { 'prod-1': 1 } }).reasons[0]?.message ?? '';
    expect(key).not.toMatch(/\u202E/u);
  });

  it('still allows names that are really different', () => {
    expect(del('staging-db')).toBe('allow');
    expect(del('preprod-db')).toBe('allow');
    expect(del('pro-db')).toBe('allow');
  });

  it('matches the pattern folded too: a mixed-case, full-width glob protects the plain name', () => {
    const shouty = makeTool({
      name: 'drop',
      effect: 'irreversible',
      policy: { protectedTargets: ['  ＰＲＯＤ-*', '/Data/PROD/**'], targetField: 't' },
    });
    expect(evaluateIntent([shouty], { tool: 'drop', args: { t: 'prod-1' } }).decision).toBe('deny');
    expect(evaluateIntent([shouty], { tool: 'drop', args: { t: '/data/prod/x' } }).decision).toBe('deny');
    expect(evaluateIntent([shouty], { tool: 'drop', args: { t: 'dev-1' } }).decision).toBe('allow');
  });

  it('property: inserting any invisible characters anywhere in a protected name is still denied', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{0,12}$/),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES)), { maxLength: 6 }),
        fc.boolean(),
        (suffix, insertions, upper) => {
          let id = `prod-${suffix}`;
          if (upper) id = id.toUpperCase();
          const chars = [...id];
          for (const [at, ch] of insertions) chars.splice(at % (chars.length + 1), 0, ch);
          expect(del(chars.join(''))).toBe('deny');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: any protected path spelled with invisible characters, case or extra segments is denied', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9_]{1,6}$/), { maxLength: 3 }),
        fc.constantFrom('/data/prod', '/data//prod', '/data/./prod', '/data/x/../prod', 'file:///data/prod'),
        fc.constantFrom(...INVISIBLES.filter((ch) => ch !== '\u0000')),
        fc.nat(),
        (tail, head, invisible, at) => {
          const path = [head, ...tail].join('/');
          const cut = at % (path.length + 1);
          const spelled = (path.slice(0, cut) + invisible + path.slice(cut)).toUpperCase();
          expect(read(spelled.replace('FILE:', 'file:'))).toBe('deny');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: folding is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(foldTarget(foldTarget(text))).toBe(foldTarget(text));
      }),
    );
  });
});

describe('protected targets: path readings', () => {
  it.each([
    ['dot segments', '/data/staging/../prod/x'],
    ['a relative start', './data/prod/x'],
    ['a relative path, read from the root', 'data/prod/x'],
    ['dot-dot escapes from a working directory', '../../../data/prod/x'],
    ['repeated slashes', '//data///prod//x'],
    ['a trailing slash and dot', '/data/prod/./'],
    ['backslashes', '\\data\\prod\\x'],
    ['a file URL', 'file:///data/prod/x'],
    ['a file URL with a host', 'file://localhost/data/prod/x'],
    ['a file URL with one slash', 'file:/data/prod/x'],
    ['a percent-encoded file URL', 'file:///data/%70%72%6F%64/x'],
    ['encoded dot segments', '/data/staging/%2e%2e/prod/x'],
    ['an encoded slash', '/data%2Fprod%2Fx'],
    ['a file URL with a query', 'FILE:///DATA/PROD/x?y=1#z'],
    ['full-width solidus', '／data／prod／x'],
    ['upper case', '/DATA/Prod/x'],
    ['a trailing newline', '/data/prod/x\n'],
    ['a Windows drive letter', 'C:\\data\\prod\\x'],
    ['the trailing dots and spaces Windows drops', '/data/prod. /x'],
  ])('denies the protected path written with %s', (_label, path) => {
    expect(read(path)).toBe('deny');
  });

  it('denies a NUL byte in a value checked against a path pattern, raw or encoded', () => {
    expect(codes('read_file', { path: '/tmp/ok\u0000' })).toEqual(['target-nul']);
    expect(codes('read_file', { path: '/tmp/ok%00.txt' })).toEqual(['target-nul']);
    expect(codes('read_file', { path: '/tmp/ok%2500.txt' })).toEqual(['target-nul']);
  });

  it('treats a pattern ending in / as the folder and everything under it', () => {
    const folder = makeTool({
      name: 'f',
      effect: 'read',
      policy: { protectedTargets: ['/srv/secrets/'], targetField: 'p' },
    });
    const run = (p: string) => evaluateIntent([folder], { tool: 'f', args: { p } }).decision;
    expect(run('/srv/secrets')).toBe('deny');
    expect(run('/srv/secrets/key.pem')).toBe('deny');
    expect(run('/srv/secretsx')).toBe('allow');
  });

  it('allows paths outside the protected tree', () => {
    expect(read('/data/production/x')).toBe('allow');
    expect(read('/data/staging/x')).toBe('allow');
    expect(read('file:///tmp/x')).toBe('allow');
    expect(read('tmp/data/prod')).toBe('allow');
  });
});

describe('protected targets: the shape of the target field', () => {
  it.each([
    ['an object', { $ne: '' }],
    ['a number', 7],
    ['a boolean', true],
    ['null', null],
    ['a nested list', [['prod-x']]],
    ['a list with an object', ['ok', { id: 'prod-x' }]],
    ['a list with a number', ['ok', 1]],
  ])('denies a target field holding %s', (_label, value) => {
    expect(codes('delete_db_instance', { db_instance_id: value })).toEqual(['target-not-string']);
  });

  it('denies a target field that is missing, when the schema did not already refuse it', () => {
    expect(codes('delete_db_instance', {})).toEqual(['target-missing']);
    expect(codes('delete_db_instance', { db_instance_id_: 'prod-x' })).toEqual(['target-missing']);
  });

  it('checks each element of a flat list, and allows an empty one', () => {
    expect(codes('delete_db_instance', { db_instance_id: ['dev', 'PROD-1'] })).toEqual(['protected-target']);
    expect(del([])).toBe('allow');
  });

  it('follows a dotted target field through objects and list indexes only', () => {
    const nested = makeTool({
      name: 'nested',
      effect: 'write',
      policy: { protectedTargets: ['prod-*'], targetField: 'db.0.id' },
    });
    const run = (args: unknown) =>
      evaluateIntent([nested], { tool: 'nested', args }).reasons.map((r) => r.code);
    expect(run({ db: [{ id: 'prod-1' }] })).toEqual(['protected-target']);
    expect(run({ db: { 0: { id: 'prod-1' } } })).toEqual(['protected-target']);
    expect(run({ db: 'prod-1' })).toEqual(['target-missing']);
    expect(run({ db: [{ id: 'dev' }] })).toEqual([]);
  });
});

describe('protected targets: no targetField scans everything', () => {
  const copy = (args: unknown) => decide('copy', args);

  it('scans object keys, recursively', () => {
    const decision = copy({ to: { 'PROD-9': true } });
    expect(decision.decision).toBe('deny');
    expect(decision.reasons[0]).toMatchObject({ code: 'protected-target', path: '/args/to/PROD-9' });
    expect(decision.reasons[0]?.message).toContain('the key of');
  });

  it('scans numbers', () => {
    const numeric = makeTool({ name: 'n', effect: 'write', policy: { protectedTargets: ['10*'] } });
    expect(evaluateIntent([numeric], { tool: 'n', args: { a: [{ b: 1001 }] } }).decision).toBe('deny');
    expect(evaluateIntent([numeric], { tool: 'n', args: { a: 9 } }).decision).toBe('allow');
  });

  it('scans strings inside lists of objects', () => {
    expect(copy({ a: [{ b: [' prod-1 '] }] }).decision).toBe('deny');
    expect(copy({ a: [{ b: ['dev-1'] }] }).decision).toBe('allow');
  });
});

describe('prototype keys and depth', () => {
  it.each(['__proto__', 'constructor', 'prototype', '__PROTO__', 'constr\u200Buctor', 'ｐrototype'])(
    'denies the key %j anywhere in args, even on a tool without a policy',
    (key) => {
      const plain = makeTool({ name: 'plain', effect: 'read' });
      const args = JSON.parse(`{"a":[{"b":{${JSON.stringify(key)}:{"x":1}}}]}`) as unknown;
      const decision = evaluateIntent([plain], { tool: 'plain', args });
      expect(decision.decision).toBe('deny');
      expect(decision.reasons.map((r) => r.code)).toEqual(['forbidden-key']);
      expect(decision.reasons[0]?.path).toBe(`/args/a/0/b/${key}`);
    },
  );

  it('denies top-level __proto__ from JSON, which JSON.parse keeps as an own key', () => {
    const plain = makeTool({ name: 'plain', effect: 'read' });
    const args = JSON.parse('{"__proto__":{"isAdmin":true}}') as unknown;
    expect(evaluateIntent([plain], { tool: 'plain', args }).reasons.map((r) => r.code)).toEqual([
      'forbidden-key',
    ]);
  });

  it('denies arguments nested deeper than the limit without overflowing the stack', () => {
    let args: unknown = 'prod-x';
    for (let i = 0; i < 100_000; i++) args = { a: args };
    const recursive = makeTool({
      name: 'tree',
      effect: 'write',
      inputSchema: { type: 'object', properties: { a: { $ref: '#' } } },
      policy: { protectedTargets: ['prod-*'] },
    });
    const decision = evaluateIntent([recursive], { tool: 'tree', args });
    expect(decision.decision).toBe('deny');
    expect(decision.reasons.map((r) => r.code)).toContain('args-too-deep');
  });
});

describe('target globs', () => {
  const matches = (glob: string, value: string) => compileTargetGlob(glob)?.test(value) ?? false;

  it('keeps * and ? inside a path segment and lets ** cross them', () => {
    expect(matches('/data/*/x', '/data/a/x')).toBe(true);
    expect(matches('/data/*/x', '/data/a/b/x')).toBe(false);
    expect(matches('/data/**/x', '/data/x')).toBe(true);
    expect(matches('/data/**/x', '/data/a/b/x')).toBe(true);
    expect(matches('/data/prod/**', '/data/prod')).toBe(true);
    expect(matches('/data/prod/**', '/data/production')).toBe(false);
    expect(matches('/d/?', '/d/\u{1F600}')).toBe(true);
  });

  it('matches every character, line breaks and astral characters included', () => {
    expect(matches('/data/prod/**', '/data/prod/a\nb\u2028c')).toBe(true);
    expect(matches('prod-?', 'prod-\u{1F600}')).toBe(true);
    expect(matches('prod-*', 'prod-a/b\nc')).toBe(true);
  });

  it('knows classes, braces and escapes', () => {
    expect(matches('prod-[0-9]', 'prod-5')).toBe(true);
    expect(matches('prod-[!0-9]', 'prod-5')).toBe(false);
    expect(matches('/x/{a,b}/**', '/x/b/c')).toBe(true);
    expect(matches('a\\*b', 'a*b')).toBe(true);
    expect(matches('a\\*b', 'axb')).toBe(false);
    expect(matches('/d/[!a]', '/d//')).toBe(false);
  });

  it('matches a hostile long value in linear time, whatever the stars', () => {
    const long = 'a'.repeat(300_000);
    const started = performance.now();
    expect(matches('*a*a*a*a*b', long)).toBe(false);
    expect(matches('/**/a*a*a*b', `/${long}`)).toBe(false);
    const heavy = makeTool({
      name: 'h',
      effect: 'write',
      policy: { protectedTargets: ['*a*a*a*b', '/x/**/a*a*b'] },
    });
    expect(evaluateIntent([heavy], { tool: 'h', args: { a: long, b: `/x/${long}` } }).decision).toBe('allow');
    // a backtracking RegExp takes minutes on this; the automaton takes well under a second per pass
    expect(performance.now() - started).toBeLessThan(8_000);
  });

  it('fails closed on a pattern that cannot be compiled', () => {
    expect(compileTargetGlob('[z-a]')).toBeUndefined();
    const findings = findProtectedTargets(
      { t: 'anything' },
      { protectedTargets: ['[z-a]'], targetField: 't' },
    );
    expect(findings).toEqual([{ kind: 'bad-pattern', pattern: '[z-a]' }]);
    const broken = makeTool({
      name: 'b',
      effect: 'write',
      policy: { protectedTargets: ['[z-a]'], targetField: 't' },
    });
    expect(evaluateIntent([broken], { tool: 'b', args: { t: 'x' } }).decision).toBe('deny');
  });
});
