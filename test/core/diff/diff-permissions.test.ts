import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPermissions } from '../../../src/core/diff/diff-permissions.js';
import type { PermissionEffect, PermissionRule } from '../../../src/model/types.js';

const rule = (rule: string, effect: PermissionEffect = 'allow', line = 3): PermissionRule => ({
  scope: 'claude:settings',
  effect,
  rule,
  tool: rule.replace(/[(=].*$/su, ''),
  source: { path: '.claude/settings.json', line },
});
const none = { base: {}, head: {} };

describe('diffPermissions', () => {
  it('a new allow rule widens the tool it names, at that tool’s radius', () => {
    expect(diffPermissions([], [rule('Bash(curl:*)')], none)).toEqual([
      {
        scope: 'claude:settings',
        rule: 'Bash(curl:*)',
        effect: 'allow',
        change: 'added',
        kind: 'widened',
        radius: 'privileged',
        path: '.claude/settings.json',
        line: 3,
      },
    ]);
  });

  it('a removed deny rule widens; a new deny rule and a removed allow rule narrow', () => {
    const kinds = (base: PermissionRule[], head: PermissionRule[]) =>
      diffPermissions(base, head, none).map((c) => `${c.rule}:${c.change}:${c.kind}`);
    expect(kinds([rule('WebFetch', 'deny')], [])).toEqual(['WebFetch:removed:widened']);
    expect(kinds([], [rule('WebFetch', 'deny')])).toEqual(['WebFetch:added:narrowed']);
    expect(kinds([rule('Read')], [])).toEqual(['Read:removed:narrowed']);
    expect(kinds([], [rule('Bash', 'ask')])).toEqual(['Bash:added:narrowed']);
  });

  it('a rule that only moves to another line is unchanged', () => {
    expect(diffPermissions([rule('Read', 'allow', 3)], [rule('Read', 'allow', 9)], none)).toEqual([]);
  });

  it('rates gated settings by what they switch on', () => {
    const [change] = diffPermissions([], [rule('enableAllProjectMcpServers=true')], none);
    expect(change?.radius).toBe('irreversible');
    const [mode] = diffPermissions([], [rule('defaultMode=bypassPermissions')], none);
    expect(mode?.radius).toBe('privileged');
  });

  it('property: swapping base and head turns every widening into a narrowing and back', () => {
    const arbitraryRule = fc
      .record({
        rule: fc.constantFrom('Bash', 'Read', 'WebFetch(domain:x)', 'mcp__a__b', 'env.X=1', 'weird\u202ekey'),
        effect: fc.constantFrom<PermissionEffect>('allow', 'ask', 'deny'),
      })
      .map((r) => rule(r.rule, r.effect));
    fc.assert(
      fc.property(fc.array(arbitraryRule), fc.array(arbitraryRule), (base, head) => {
        const forward = diffPermissions(base, head, none);
        const backward = diffPermissions(head, base, none);
        expect(backward).toHaveLength(forward.length);
        const flip = (c: (typeof forward)[number]) =>
          `${c.scope}|${c.rule}|${c.effect}|${c.change === 'added' ? 'removed' : 'added'}|${c.kind === 'widened' ? 'narrowed' : 'widened'}`;
        const key = (c: (typeof forward)[number]) => `${c.scope}|${c.rule}|${c.effect}|${c.change}|${c.kind}`;
        expect(new Set(backward.map(key))).toEqual(new Set(forward.map(flip)));
      }),
    );
  });
});
