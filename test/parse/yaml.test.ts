import { describe, expect, it } from 'vitest';
import { lineOfPath, parseYaml, resolvePath } from '../../src/parse/yaml.js';
import { manifestFixture } from './fixture.js';

describe('parseYaml', () => {
  it('reports malformed YAML with a 1-based line and yields no document', () => {
    const result = parseYaml(manifestFixture('malformed.yaml').text);
    expect(result.documents).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: 'yaml-parse' });
    expect(result.issues[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('treats a duplicate key as an error on the second key, not last-wins', () => {
    const result = parseYaml('a: 1\nb: 2\na: 3\n');
    expect(result.documents).toEqual([]);
    expect(result.issues).toEqual([
      { code: 'duplicate-key', line: 3, message: 'duplicate key "a": keys must be unique' },
    ]);
  });

  it('refuses a billion-laughs alias bomb', () => {
    const result = parseYaml(manifestFixture('alias-bomb.yaml').text);
    expect(result.documents).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(['alias-limit']);
  });

  it('still resolves a few ordinary aliases', () => {
    const result = parseYaml('base: &b [read]\nother: *b\n');
    expect(result.documents[0]!.value).toEqual({ base: ['read'], other: ['read'] });
  });

  it.each([
    ['a: !!js/function "x"\n', 'tag:yaml.org,2002:js/function'],
    ['a: !custom 3\n', '!custom'],
    ['a: !!binary aGVsbG8=\n', 'tag:yaml.org,2002:binary'],
  ])('treats the unknown tag in %j as an error', (text, tag) => {
    const result = parseYaml(text);
    expect(result.documents).toEqual([]);
    expect(result.issues).toEqual([
      { code: 'unknown-tag', line: 1, message: `unknown tag "${tag}": custom tags are not allowed` },
    ]);
  });

  it('uses the core schema: yes/no and dates stay strings', () => {
    const result = parseYaml('a: yes\nb: 2025-01-01\nc: 0x10\n');
    expect(result.documents[0]!.value).toEqual({ a: 'yes', b: '2025-01-01', c: 16 });
  });

  it('refuses collection keys', () => {
    expect(parseYaml('? [a, b]\n: 1\n').issues[0]!.code).toBe('yaml-parse');
  });

  it('reads JSON with lines and duplicate-key detection', () => {
    const result = parseYaml(manifestFixture('tool.json').text);
    expect(result.issues).toEqual([
      { code: 'duplicate-key', line: 6, message: 'duplicate key "effect": keys must be unique' },
    ]);
  });

  it('keeps every document of a stream and skips empty ones', () => {
    const result = parseYaml('a: 1\n---\nb: 2\n---\n');
    expect(result.documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('keeps __proto__ as data', () => {
    const value = parseYaml('__proto__: { polluted: true }\n').documents[0]!.value as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('lineOfPath', () => {
  const text =
    'name: x\nscopes:\n  - a:b\n  - c:d\ninputSchema:\n  type: object\n  properties:\n    q: { type: string }\n';

  it('finds the line of a nested field and of a list item', () => {
    const doc = parseYaml(text).documents[0]!;
    expect(lineOfPath(doc, ['name'])).toBe(1);
    expect(lineOfPath(doc, ['scopes', 1])).toBe(4);
    expect(lineOfPath(doc, ['inputSchema', 'properties', 'q', 'type'])).toBe(8);
  });

  it('falls back to the nearest existing parent', () => {
    const doc = parseYaml(text).documents[0]!;
    expect(lineOfPath(doc, ['inputSchema', 'properties', 'missing', 'deeper'])).toBe(7);
    expect(resolvePath(doc, ['nope']).matched).toBe(0);
  });

  it('adds the line offset of embedded YAML', () => {
    const doc = parseYaml('id: a\nversion: 2\n', 1).documents[0]!;
    expect(lineOfPath(doc, ['version'])).toBe(3);
  });

  it('finds a list item by value', () => {
    const doc = parseYaml('tools:\n  - a\n  - b\n').documents[0]!;
    expect(resolvePath(doc, ['tools'], 'b').line).toBe(3);
  });
});
