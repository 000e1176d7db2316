import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineOfPath, parseYaml, parseYamlStrict, resolvePath } from '../../src/parse/yaml.js';
import { readPlainYaml } from '../../src/parse/yaml-subset.js';
import { documentArbitrary, mutatedArbitrary, scalarPlaceArbitrary } from './yaml-subset-arbitraries.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The strict parser's value when the text is one document without issues, else `undefined`. */
function strictValue(text: string): { value: unknown } | undefined {
  const strict = parseYamlStrict(text);
  if (strict.issues.length > 0 || strict.documents.length !== 1) return undefined;
  return { value: strict.documents[0]?.value };
}

/** THE rule: the reader either is not sure, or reads exactly (types included) what the strict parser reads. */
function agreesWithStrict(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) return true;
  const strict = strictValue(text);
  return strict !== undefined && isDeepStrictEqual(fast, strict.value);
}

function expectRead(text: string): unknown {
  const fast = readPlainYaml(text);
  expect(fast).not.toBeUndefined();
  expect(fast).toStrictEqual(strictValue(text)?.value);
  return fast;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The shape of bench/tool-yaml.mjs (plus bench/generate.mjs's tail): the common manifest the reader is for. */
function benchManifest(i: number, widened: boolean): string {
  const effect = ['read', 'write', 'irreversible', 'read', 'read'][i % 5];
  const action = effect === 'read' ? 'read' : 'write';
  const scopes = widened ? `[svc${i % 97}:${action}, svc${i % 97}:*]` : `[svc${i % 97}:${action}]`;
  return `apiVersion: agentgate/v1
kind: Tool
name: tool_${String(i).padStart(6, '0')}
description: Generated tool number ${i} for the benchmark.
owner: "@bench/owners"
effect: ${effect}
scopes: ${scopes}
credentials:
  - name: TOKEN_${i % 13}
    scopes: [svc${i % 97}:read]
egress: [svc${i % 97}.${i % 3 === 0 ? 'example.com' : 'acme.internal'}]
dataAccess: ${i % 11 === 0 ? 'sensitive' : 'internal'}
untrustedInput: ${i % 17 === 0}
rateLimit: { calls: ${widened ? 100 : 10}, per: 1m }
approval: ${effect === 'irreversible' && !widened ? 'human' : 'none'}
inputSchema:
  type: object
  properties:
    id: { type: string, maxLength: ${widened ? 256 : 64} }
  required: [id]
  additionalProperties: false
`;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

describe('readPlainYaml on the common shape', () => {
  it.each([0, 1, 11, 17, 96])('reads the bench manifest of tool %i as the strict parser does', (i) => {
    const widened = i % 2 === 1;
    const value = expectRead(benchManifest(i, widened));
    expect(value).toMatchObject({
      rateLimit: { calls: widened ? 100 : 10, per: '1m' },
      untrustedInput: i % 17 === 0,
    });
  });

  const files = [...yamlFiles(join(ROOT, 'registry')), ...yamlFiles(join(ROOT, 'test/fixtures/manifests'))];
  it.each(files.map((file) => [file.slice(ROOT.length), file]))(
    'never disagrees with the strict parser on %s',
    (_n, file) => {
      expect(agreesWithStrict(readFileSync(file, 'utf8'))).toBe(true);
    },
  );

  it.each([
    'registry/tools/support/lookup-order.yaml',
    'registry/tools/support/send-email.yaml',
    'test/fixtures/manifests/valid-tool.yaml',
  ])('reads %s, written in the subset', (file) => {
    expectRead(readFileSync(join(ROOT, file), 'utf8'));
  });

  it.each([
    ['a stream', 'registry/tools/cloud/db-instances.yaml'],
    ['a flow sequence inside a flow mapping', 'registry/tools/support/issue-refund.yaml'],
    ['a comment after a value', 'registry/tools/support/read-ticket.yaml'],
  ])('leaves a registry manifest with %s to the other parsers', (_label, file) => {
    expect(readPlainYaml(readFileSync(join(ROOT, file), 'utf8'))).toBeUndefined();
  });

  it.each([
    ['a sequence flush under its key', 'a:\n- p\n- q\nb: 1\n', { a: ['p', 'q'], b: 1 }],
    [
      'a mapping in a sequence item',
      'a:\n  - k: 1\n    v: [p, q]\n  - k: 2\n',
      { a: [{ k: 1, v: ['p', 'q'] }, { k: 2 }] },
    ],
    ['a sequence flush under a key in an item', '- a:\n  - x\n- b\n', [{ a: ['x'] }, 'b']],
    [
      'comments and blank lines between entries',
      '# head\na: 1\n\n  # deep\nb: [ ]\nc: { }\n',
      { a: 1, b: [], c: {} },
    ],
    ['items written under a bare dash', '-\n  a: 1\n-\n  - x\n-\n- z\n', [{ a: 1 }, ['x'], null, 'z']],
    ['a key without a value', 'a:\nb: c\n', { a: null, b: 'c' }],
    ['trailing spaces', 'a:   x  \nb:  \n', { a: 'x', b: null }],
    [
      'the core booleans and null',
      'a: True\nb: FALSE\nc: Null\nd: 0\ne: 120\n',
      { a: true, b: false, c: null, d: 0, e: 120 },
    ],
    [
      'durations and colons in plain scalars',
      'a: 30s\nb: [svc:read, svc:*]\nc: b :c\nd: http://x/y\n',
      { a: '30s', b: ['svc:read', 'svc:*'], c: 'b :c', d: 'http://x/y' },
    ],
    [
      'quoted scalars that would be other types plain',
      'a: "1"\nb: \'true\'\nc: ["@x", \'a, b\']\nd: ""\n',
      { a: '1', b: 'true', c: ['@x', 'a, b'], d: '' },
    ],
    ['a quoted colon-space', 'a: "b: c"\nb: { k: \'x: y\' }\n', { a: 'b: c', b: { k: 'x: y' } }],
  ])('reads %s', (_label, text, expected) => {
    expect(expectRead(text)).toStrictEqual(expected);
  });
});

describe('readPlainYaml outside the subset', () => {
  // each of these must be left to the real parsers ("not sure"), whatever the strict parser makes of them
  it.each([
    ['a tab', 'a:\tb\n'],
    ['a tab indentation', 'a:\n\tb: 1\n'],
    ['a carriage return', 'a: b\r\nc: d\r\n'],
    ['a BOM', '\ufeffa: b\n'],
    ['unicode', 'name: t\u0430ol\n'],
    ['a NUL byte', 'a: b\u0000\n'],
    ['a comment after a value', 'a: b # c\n'],
    ['a hash inside a quoted value', 'a: "b # c"\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !custom 1\n'],
    ['a core tag', 'a: !!str 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate flow key', 'a: { k: 1, k: 2 }\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a multi-line scalar in a sequence', '- b\n  c\n'],
    ['a block scalar', 'a: |\n  b\n'],
    ['a folded scalar', 'a: >\n  b\n'],
    ['a nested flow', 'a: [b, [c]]\n'],
    ['a flow mapping in a flow sequence', 'a: [{ b: c }]\n'],
    ['a multi-line flow', 'a: [b,\n  c]\n'],
    ['a trailing flow comma', 'a: [b, ]\n'],
    ['text after a flow collection', 'a: [b] c\n'],
    ['a flow collection as a key', '[a, b]: 1\n'],
    ['odd indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['an indented first line', '  a: 1\n'],
    ['a dash under a scalar value', 'a: 1\n- b\n'],
    ['a nested dash', '- - a\n'],
    ['key:value without a space', 'a:b\n'],
    ['a space before the colon', 'a : b\n'],
    ['a key with a dot', 'a.b: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key that is a boolean', 'true: 1\n'],
    ['a key that is null', 'null: 1\n'],
    ['a key read as a boolean by YAML 1.1', 'y: 1\n'],
    ['a __proto__ key', '__proto__: { polluted: yes }\n'],
    ['a mapping value on one line', 'a: b: c\n'],
    ['a trailing colon', 'a: b:\n'],
    ['a document marker', '---\na: 1\n'],
    ['a document end', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a stream', 'a: 1\n---\nb: 2\n'],
    ['a top-level scalar', 'a\n'],
    ['a top-level flow mapping (JSON)', '{"a": 1}\n'],
    ['nothing at all', '# only a comment\n\n'],
    ['a double-quoted escape', 'a: "b\\nc"\n'],
    ['a doubled single quote', "a: 'it''s'\n"],
    ['an unclosed quote', 'a: "b\n'],
    ['an explicit key', '? a\n: b\n'],
    ['a merge key', '<<: { a: 1 }\n'],
    ['a plain scalar starting with an indicator', 'a: @x\n'],
    ['a backtick', 'a: `b`\n'],
    ['a bracket in a plain scalar', 'a: b]c\n'],
  ])('is not sure about %s', (_label, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it.each(
    [
      ...[
        '0x1F',
        '0xF',
        '0o7',
        '0b1',
        '1e3',
        '1E3',
        '1e',
        '.inf',
        '-.inf',
        '.NaN',
        '.5',
        '1.0',
        '1.',
        '007',
        '00',
        '+1',
        '-1',
        '-0',
      ],
      ...[
        '1_000',
        '1:20',
        '12345678901234567890',
        '0X1F',
        '1d2',
        'yes',
        'No',
        'ON',
        'off',
        'Y',
        'n',
        'tRUE',
        'nULL',
        'NaN',
        'inf',
        '~',
      ],
    ].map((word) => [word]),
  )('is not sure about the number-like or boolean-like plain scalar %s', (word) => {
    expect(readPlainYaml(`a: ${word}\n`)).toBeUndefined();
    expect(readPlainYaml(`a: [${word}]\n`)).toBeUndefined();
  });

  it('does not nest past a depth limit (no stack risk on hostile shapes)', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(readPlainYaml(deep)).toBeUndefined();
    const chain = Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * i)}- k:`).join('\n');
    expect(readPlainYaml(chain)).toBeUndefined();
  });

  it('gives parseYaml the same documents, issues and key lines as the strict parser on a read text', () => {
    const text = '# head\napiVersion: agentgate/v1\nname: t\nscopes:\n- a:b\n';
    const fast = parseYaml(text, 3);
    const strict = parseYamlStrict(text, 3);
    expect(fast.issues).toEqual([]);
    expect(fast.documents.map((d) => d.value)).toStrictEqual(strict.documents.map((d) => d.value));
    expect(fast.documents[0]?.topLevelKeyLine?.('name')).toBe(6);
    expect(fast.documents[0]?.node.contents).toBeTruthy();
    expect(fast.documents[0]?.lineCounter.linePos(0).line).toBe(1);
  });
});

describe('readPlainYaml never disagrees with the strict parser (properties)', () => {
  it('finds every top-level key on the line the strict parser puts it, on a read text', () => {
    fc.assert(
      fc.property(documentArbitrary('subset'), fc.nat(5), (text, offset) => {
        if (readPlainYaml(text) === undefined) return;
        const [fast] = parseYaml(text, offset).documents;
        const [strict] = parseYamlStrict(text, offset).documents;
        if (fast === undefined || strict === undefined || !isPlainObject(fast.value)) return;
        for (const key of Object.keys(fast.value))
          expect(lineOfPath(fast, [key])).toBe(resolvePath(strict, [key]).line);
      }),
      { numRuns: 1000 },
    );
  });

  it('on documents from the plain subset, and reads most of them', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(documentArbitrary('subset'), (text) => {
        runs += 1;
        if (readPlainYaml(text) !== undefined) read += 1;
        return agreesWithStrict(text);
      }),
      { numRuns: 1500 },
    );
    // a generator the reader always bails on would make the property vacuous
    expect(read / runs).toBeGreaterThan(0.5);
  });

  it('on documents from a wider grammar with tricky scalars, keys, styles and indentation', () => {
    fc.assert(fc.property(documentArbitrary('wide'), agreesWithStrict), { numRuns: 1500 });
  });

  it('on runs of random characters written as a value, a flow entry or a key', () => {
    fc.assert(fc.property(scalarPlaceArbitrary(), agreesWithStrict), { numRuns: 3000 });
  });

  it('on random single-character mutations of such documents and of real manifests', () => {
    const real = [0, 1, 11, 17].map((i) => benchManifest(i, i % 2 === 1));
    real.push(...yamlFiles(join(ROOT, 'registry')).map((file) => readFileSync(file, 'utf8')));
    fc.assert(fc.property(mutatedArbitrary(real), agreesWithStrict), { numRuns: 3000 });
  });
});
