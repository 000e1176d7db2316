import { describe, expect, it } from 'vitest';
import { resolveBinding } from '../../../src/sources/resolve/resolve-binding.js';

describe('resolveBinding: the registry list read once', () => {
  it('resolves every tool of a large registry, and sees a tool added to the same list later', () => {
    const registryTools: { name: string }[] = [];
    for (let i = 0; i < 20_000; i++) registryTools.push({ name: `tool_${i}` });
    const context = { catalog: [], registryTools };
    for (let i = 0; i < 20_000; i += 997) {
      expect(resolveBinding(`tool_${i}`, context)).toEqual({
        kind: 'registry',
        binding: `tool_${i}`,
        tool: `tool_${i}`,
      });
    }
    expect(resolveBinding('late_tool', context).kind).toBe('unknown');
    registryTools.push({ name: 'late_tool' });
    expect(resolveBinding('late_tool', context).kind).toBe('registry');
  });
});
