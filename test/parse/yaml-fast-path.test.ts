import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineOfPath, parseYaml, parseYamlStrict } from '../../src/parse/yaml.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the fast YAML path', () => {
  const files = [...yamlFiles(join(ROOT, 'registry')), ...yamlFiles(join(ROOT, 'test/fixtures/manifests'))];

  it.each(files.map((file) => [file.slice(ROOT.length), file]))(
    'reads %s exactly as the strict parser does',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const fast = parseYaml(text);
      const strict = parseYamlStrict(text);
      expect(fast.issues).toEqual(strict.issues);
      expect(fast.documents.map((d) => d.value)).toEqual(strict.documents.map((d) => d.value));
      fast.documents.forEach((doc, i) => {
        expect(lineOfPath(doc, ['name'])).toBe(lineOfPath(strict.documents[i]!, ['name']));
        expect(lineOfPath(doc, ['inputSchema', 'properties'])).toBe(
          lineOfPath(strict.documents[i]!, ['inputSchema', 'properties']),
        );
      });
    },
  );

  it.each([
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !custom 1\n'],
    ['an explicit complex key', '? [a, b]\n: 1\n'],
    ['a flow collection as key', '[a, b]: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an anchor and alias glued to JSON-style keys', '{"a":&x [1, 2], "b":*x}\n'],
    ['a tag glued to a JSON-style key', '{"a":!custom 1}\n'],
    ['an alias glued to a closing bracket key', '{[a]:*x}\n'],
  ])('leaves %s to the strict parser', (_label, text) => {
    const fast = parseYaml(text);
    const strict = parseYamlStrict(text);
    expect(fast.issues).toEqual(strict.issues);
    expect(fast.documents.map((d) => d.value)).toEqual(strict.documents.map((d) => d.value));
    expect(fast.documents.every((d) => d.topLevelKeyLine === undefined)).toBe(true);
  });

  it.each([
    'a:!b\n',
    'x: a:*b\n',
    'x: a:&b c\n',
    '- a:!b\n',
    'x:\n  - a:*b\n',
    'x: {a:*b}\n',
    'x: [a:&b, c]\n',
    'x: a:!!str\n',
    '[a:*b]\n',
  ])(
    'reads %j, a property character glued to a colon inside a plain scalar, as the strict parser does',
    (text) => {
      const fast = parseYaml(text);
      const strict = parseYamlStrict(text);
      expect(fast.issues).toEqual(strict.issues);
      expect(fast.documents.map((d) => d.value)).toEqual(strict.documents.map((d) => d.value));
    },
  );

  it('keeps a wildcard scope (`svc:*`, a plain scalar) on the fast path, read as the strict parser reads it', () => {
    const text = 'name: t\nscopes: [svc:read, svc:*, "svc:*"]\negress: [a:!b, c:&d]\n';
    const fast = parseYaml(text);
    const strict = parseYamlStrict(text);
    expect(fast.documents.map((d) => d.value)).toEqual(strict.documents.map((d) => d.value));
    expect(fast.documents[0]?.value).toMatchObject({ scopes: ['svc:read', 'svc:*', 'svc:*'] });
    expect(fast.documents[0]?.topLevelKeyLine).toBeDefined();
  });

  it('finds key lines across a YAML stream', () => {
    const text = '# header\napiVersion: agentgate/v1\nname: first\n---\n# second\nname: second\n';
    expect(parseYaml(text).documents.map((doc) => lineOfPath(doc, ['name']))).toEqual([3, 6]);
  });
});
