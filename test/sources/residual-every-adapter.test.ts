import { describe, expect, it } from 'vitest';
import type { Finding, PermissionRule } from '../../src/model/types.js';
import { ALL_SOURCE_ADAPTERS, createSourceLookup } from '../../src/sources/lookup.js';
import type { Extra, Sample } from './adapter-samples.js';
import { INNER, SAMPLES, TOP } from './adapter-samples.js';

// Nothing unread, for every adapter the product registers: a key no adapter models, at the top level of a file and
// inside one of its entries (a server, a plugin, a mode, a hook), becomes a residual `key=value` rule with an
// `unknown-authority-key` finding, found through the same lookup the gate uses.

/** Sources that hold text alone: no key to leave unread. */
const TEXT_ONLY = new Set(['instructions']);

const lookup = createSourceLookup();

function parse(sample: Sample, top: Extra, inner: Extra) {
  const adapter = lookup(sample.path);
  if (!adapter) throw new Error(`no adapter reads ${sample.path}`);
  return { adapter, model: adapter.parse({ path: sample.path, oid: '0', text: sample.text(top, inner) }) };
}

const residualOf = (rules: PermissionRule[], key: string) =>
  rules.filter((rule) => rule.residual === true && rule.rule.split('=')[0]!.split('.').includes(key));
const findingOf = (findings: Finding[], key: string) =>
  findings.filter((f) => f.code === 'unknown-authority-key' && (f.field ?? '').split('.').includes(key));

describe('the residual rule holds for every registered adapter', () => {
  it('every adapter has a sample here, read by that adapter through the lookup', () => {
    const ids = ALL_SOURCE_ADAPTERS.map((adapter) => adapter.id).filter((id) => !TEXT_ONLY.has(id));
    expect(Object.keys(SAMPLES).sort()).toEqual([...ids].sort());
    for (const [id, sample] of Object.entries(SAMPLES)) expect(lookup(sample.path)?.id, sample.path).toBe(id);
  });

  describe.each(Object.keys(SAMPLES))('%s', (id) => {
    const sample = SAMPLES[id]!;

    it('reads the plain sample with no error and no residual rule for the keys below', () => {
      const { model } = parse(sample, {}, {});
      expect(model.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(residualOf(model.permissions, TOP)).toEqual([]);
      expect(residualOf(model.permissions, INNER)).toEqual([]);
    });

    it('an unknown top-level key is a residual rule with a finding, its value compared', () => {
      const one = parse(sample, { [TOP]: 'first' }, {}).model;
      const two = parse(sample, { [TOP]: 'second' }, {}).model;
      expect(residualOf(one.permissions, TOP)).toHaveLength(1);
      expect(findingOf(one.findings, TOP)).toHaveLength(1);
      expect(residualOf(one.permissions, TOP)[0]!.rule).toMatch(/=first$/);
      expect(residualOf(two.permissions, TOP)[0]!.rule).toMatch(/=second$/);
    });

    it('a secret under an unknown key is shown by its hash, and two secrets still differ', () => {
      const secret = 'ghp_' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa';
      const one = parse(sample, { zzApiToken: secret }, {}).model;
      const two = parse(sample, { zzApiToken: secret.replace('Zx9', 'Qq1') }, {}).model;
      expect(JSON.stringify(one)).not.toContain(secret);
      const shown = (m: typeof one) =>
        m.permissions.find((r) => r.residual && r.rule.includes('zzApiToken'))!.rule;
      expect(shown(one)).toMatch(/=sha256:[0-9a-f]{16}$/);
      expect(shown(two)).not.toBe(shown(one));
    });
  });

  const withEntries = Object.keys(SAMPLES).filter((id) => SAMPLES[id]!.entries !== false);
  describe.each(withEntries)('%s, inside an entry', (id) => {
    const sample = SAMPLES[id]!;

    it('an unknown key inside an entry is a residual rule with a finding', () => {
      const { model } = parse(sample, {}, { [INNER]: 7 });
      expect(residualOf(model.permissions, INNER)).toHaveLength(1);
      expect(residualOf(model.permissions, INNER)[0]!.rule).toMatch(/=7$/);
      expect(findingOf(model.findings, INNER)).toHaveLength(1);
    });
  });
});
