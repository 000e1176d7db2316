import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeDigest, normalizeForDigest } from '../../../src/core/diff/digest.js';
import type { DigestInput } from '../../../src/core/diff/digest.js';
import { canonicalJson } from '../../../src/model/canonical-json.js';
import type { Tool, ToolChange } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

// The digest is hashed in pieces; a sign-off made before that must still match: the bytes hashed are the
// canonical JSON of the whole payload, as they were when it was one string.
const wholeDigest = (input: DigestInput): string => {
  const tools = [...input.toolChanges]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((change) => ({
      name: change.name,
      before:
        change.change === 'added'
          ? null
          : normalizeForDigest(input.baseTools.get(change.oldName ?? change.name)),
      after: change.change === 'removed' ? null : normalizeForDigest(input.headTools.get(change.name)),
    }));
  const gates = [...input.gateFiles].sort((a, b) => (a.path < b.path ? -1 : 1));
  const payload = { tools, gates, bindings: input.bindings };
  return `sha256:${createHash('sha256').update(canonicalJson(payload)).digest('hex')}`;
};

function inputOf(count: number, odd: Partial<Tool>): DigestInput {
  const base = new Map<string, Tool>();
  const head = new Map<string, Tool>();
  const toolChanges: ToolChange[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const name = `tool-${i}-\u00e9\ud83d\ude00`;
    base.set(name, makeTool({ name, description: `old ${i}` }));
    head.set(name, makeTool({ name, description: `new ${i}`, ...odd }));
    toolChanges.push({
      name,
      change: i % 3 === 0 ? 'added' : i % 3 === 1 ? 'removed' : 'modified',
    } as ToolChange);
  }
  const gateFiles = [
    { path: 'z.yaml', before: null, after: 'abc' },
    { path: 'a.yaml', before: 'def', after: null },
  ];
  return { toolChanges, baseTools: base, headTools: head, gateFiles, bindings: [] };
}

describe('computeDigest hashed in pieces', () => {
  it('is byte for byte the digest of the whole payload text', () => {
    const schema = { type: 'object', properties: { n: { type: 'number', maximum: 1e21 } } };
    for (const input of [
      inputOf(0, {}),
      inputOf(1, {}),
      inputOf(40, { inputSchema: schema }),
      inputOf(7, { inputSchema: { ...schema, description: 'lone \ud800 surrogate' } }),
    ]) {
      expect(computeDigest(input)).toBe(wholeDigest(input));
    }
  });
});
