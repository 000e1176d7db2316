import { describe, expect, it } from 'vitest';
import { buildControlBundle, bundleDigest } from '../../../src/core/release/bundle.js';
import { readControlBundle } from '../../../src/core/release/read-bundle.js';
import type { ControlPlaneReport, Registry } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

const registry: Registry = {
  tools: [
    makeTool({ name: 'read_ticket', effect: 'read' }),
    makeTool({ name: 'delete_db', effect: 'irreversible' }),
  ],
  prompts: [
    {
      id: 'ops',
      tools: ['delete_db'],
      text: 'secret prompt text',
      meta: {},
      source: { path: 'p.md', line: 1 },
    },
  ],
  findings: [],
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into the JSON to tamper with it
type Tampered = Record<string, any>;
const meta = { version: 1, commit: 'a'.repeat(40), previous: null, changelog: [] };
const bundle = () =>
  JSON.parse(JSON.stringify(buildControlBundle(registry, meta, {} as ControlPlaneReport))) as Record<
    string,
    unknown
  >;

describe('readControlBundle', () => {
  it('gives the runtime exactly the bundled tools and bindings, and no prompt text', () => {
    const read = readControlBundle(bundle(), 'b.json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.registry.tools.map((t) => t.name)).toEqual(['delete_db', 'read_ticket']);
    expect(read.registry.prompts).toEqual([
      expect.objectContaining({ id: 'ops', tools: ['delete_db'], text: '' }),
    ]);
    expect(JSON.stringify(read.bundle)).not.toContain('secret prompt text');
  });

  it.each([
    ['a widened tool', (b: Tampered) => (b.tools[0].effect = 'read')],
    ['a new binding', (b: Tampered) => b.bindings[0].tools.push('read_ticket')],
    ['a dropped tool', (b: Tampered) => b.tools.pop()],
    ['a changed commit', (b: Tampered) => (b.commit = 'b'.repeat(40))],
    ['an extra key', (b: Tampered) => (b.extra = true)],
  ])('refuses the whole bundle after %s', (_, tamper) => {
    const b = bundle();
    tamper(b);
    expect(readControlBundle(b, 'b.json')).toMatchObject({ ok: false, field: 'digest' });
  });

  it('refuses a data bundle, a missing digest and non-objects', () => {
    const data = { ...bundle(), plane: 'data' };
    expect(readControlBundle(data, 'b.json')).toMatchObject({ ok: false, field: 'plane' });
    const { digest: _d, ...noDigest } = bundle();
    expect(readControlBundle(noDigest, 'b.json')).toMatchObject({ ok: false, field: 'digest' });
    expect(readControlBundle([], 'b.json').ok).toBe(false);
    expect(readControlBundle(null, 'b.json').ok).toBe(false);
  });

  it('accepts a re-sealed bundle (the digest is over the contents, not the bytes)', () => {
    const b = bundle();
    const reordered = Object.fromEntries(Object.entries(b).reverse());
    expect(readControlBundle(reordered, 'b.json').ok).toBe(true);
    expect(bundleDigest(reordered)).toBe(b.digest);
  });

  it.each([
    ['scopes', 'rds:*', '.scopes'],
    ['credentials', [{ name: 1 }], '.credentials'],
    ['dataAccess', 'everything', '.dataAccess'],
    ['untrustedInput', 'no', '.untrustedInput'],
    ['inputSchema', 'anything', '.inputSchema'],
  ])('refuses a re-sealed bundle whose tool %s has the wrong shape', (key, value, field) => {
    const b = bundle();
    (b.tools as Tampered[])[0]![key] = value;
    b.digest = bundleDigest(b);
    expect(readControlBundle(b, 'b.json')).toMatchObject({ ok: false, field: `tools[0]${field}` });
  });
});
