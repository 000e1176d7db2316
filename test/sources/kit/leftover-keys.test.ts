import { describe, expect, it } from 'vitest';
import { emptyModel, leftoverKeys } from '../../../src/sources/kit/leftover-keys.js';

const where = {
  scope: 'cfg.json',
  path: 'cfg.json',
  prefix: '',
  known: new Set(['servers']),
  at: () => ({ path: 'cfg.json', line: 3 }),
};

describe('leftoverKeys: keys an adapter does not model', () => {
  it('keeps every unmodelled key as a rule with a finding, and skips the modelled ones', () => {
    const model = emptyModel();
    leftoverKeys({ servers: {}, approvalMode: 'yolo', roots: ['/srv', '/'] }, where, model);
    expect(model.permissions.map((rule) => rule.rule).sort()).toEqual([
      'approvalMode=yolo',
      'roots=/',
      'roots=/srv',
    ]);
    expect(model.findings.map((finding) => finding.field).sort()).toEqual(['approvalMode', 'roots']);
  });

  it('never prints a value under a secret-looking key or one that looks like a secret, yet tells two apart', () => {
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const one = emptyModel();
    leftoverKeys({ apiToken: 'hunter2-is-secret', header: token }, where, one);
    const text = JSON.stringify(one.permissions);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(token);
    expect(one.permissions.every((rule) => /=sha256:[0-9a-f]{16}$/.test(rule.rule))).toBe(true);
    const two = emptyModel();
    leftoverKeys({ apiToken: 'another-secret-value', header: token }, where, two);
    expect(two.permissions[0]!.rule).not.toBe(one.permissions[0]!.rule);
  });
});
