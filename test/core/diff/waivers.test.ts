import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/types.js';
import { applyWaivers } from '../../../src/core/diff/waivers.js';

const finding: Finding = {
  severity: 'warning',
  code: 'radius-assumed',
  path: 'registry/tools/a.yaml',
  line: 3,
  tool: 'a',
  message: 'm',
};
const waiver = { tool: 'a', code: 'radius-assumed', owner: '@sec', reason: 'legacy', expires: '2026-12-31' };

describe('waivers', () => {
  it('silences one finding on one tool until its date and lists the waiver it applied', () => {
    const result = applyWaivers([finding, { ...finding, tool: 'b' }], [waiver], '2026-11-21');
    expect(result.findings.map((f) => f.tool)).toEqual(['b']);
    expect(result.applied).toEqual([{ ...waiver, path: 'registry/tools/a.yaml' }]);
  });

  it('stops applying an expired waiver and reports it', () => {
    const result = applyWaivers([finding], [{ ...waiver, expires: '2026-01-01' }], '2026-11-21');
    expect(result.findings.map((f) => f.code).sort()).toEqual(['radius-assumed', 'waiver-expired']);
    expect(result.applied).toEqual([]);
    expect(result.expired).toHaveLength(1);
  });

  it('still applies on its last day', () => {
    expect(applyWaivers([finding], [{ ...waiver, expires: '2026-11-21' }], '2026-11-21').findings).toEqual(
      [],
    );
  });

  it('matches the kind a finding is about: tool by default, server and agent only when named', () => {
    const onServer: Finding = { ...finding, subject: 'server' };
    const onAgent: Finding = { ...finding, subject: 'agent' };
    const kept = (kind?: 'tool' | 'server' | 'agent') =>
      applyWaivers([finding, onServer, onAgent], [{ ...waiver, ...(kind && { kind }) }], '2026-11-21')
        .findings.map((f) => f.subject ?? 'tool')
        .sort();
    expect(kept()).toEqual(['agent', 'server']);
    expect(kept('tool')).toEqual(['agent', 'server']);
    expect(kept('server')).toEqual(['agent', 'tool']);
    expect(kept('agent')).toEqual(['server', 'tool']);
  });

  it('says the kind of an expired waiver', () => {
    const [expired] = applyWaivers(
      [],
      [{ ...waiver, kind: 'server', expires: '2026-01-01' }],
      '2026-11-21',
    ).findings;
    expect(expired).toMatchObject({ code: 'waiver-expired', subject: 'server' });
    expect(expired?.message).toContain('on server a');
  });
});
