import { describe, expect, it } from 'vitest';
import { diffPrompts } from '../../../src/core/diff/diff-prompts.js';
import type { JsonObject, Prompt } from '../../../src/model/types.js';

function prompt(id: string, fields: Partial<Omit<Prompt, 'id'>> = {}): Prompt {
  return {
    id,
    version: '1',
    model: 'gpt-5',
    text: `You are ${id}.`,
    meta: {},
    source: { path: `registry/prompts/${id}.md`, line: 1 },
    ...fields,
  };
}

const required = { versionBump: 'required' } as const;

describe('diffPrompts: pairing', () => {
  it('reports nothing when prompts are unchanged, even if their files moved', () => {
    const before = prompt('support/system');
    const after = { ...before, source: { path: 'registry/prompts/moved/support.md', line: 1 } };
    expect(diffPrompts([before], [after], required)).toEqual({ changes: [], findings: [] });
  });

  it('pairs by id: a moved file with new text is modified, not removed and added', () => {
    const before = prompt('support/system');
    const after = prompt('support/system', {
      version: '2',
      text: 'new text',
      source: { path: 'elsewhere.md', line: 1 },
    });
    const { changes, findings } = diffPrompts([before], [after], required);
    expect(changes).toEqual([
      {
        id: 'support/system',
        change: 'modified',
        versionBefore: '1',
        versionAfter: '2',
        path: 'elsewhere.md',
      },
    ]);
    expect(findings).toEqual([]);
  });

  it('reads an id change with identical content as a rename carrying oldId', () => {
    const before = prompt('support/system', { text: 'same words' });
    const after = prompt('support/agent', { text: 'same words' });
    const { changes, findings } = diffPrompts([before], [after], required);
    expect(changes).toEqual([
      {
        id: 'support/agent',
        change: 'renamed',
        oldId: 'support/system',
        versionBefore: '1',
        versionAfter: '1',
        path: 'registry/prompts/support/agent.md',
      },
    ]);
    expect(findings).toEqual([]);
  });

  it('reports an id change with new content as removed plus added', () => {
    const { changes } = diffPrompts([prompt('a', { text: 'one' })], [prompt('b', { text: 'two' })], required);
    expect(changes.map((c) => [c.id, c.change, c.versionBefore, c.versionAfter])).toEqual([
      ['a', 'removed', '1', null],
      ['b', 'added', null, '1'],
    ]);
  });
});

describe('diffPrompts: versions', () => {
  const changed = (before: Prompt, version: string | undefined, extra: Partial<Prompt> = {}) => ({
    ...before,
    version,
    text: `${before.text} Be brief.`,
    ...extra,
  });
  const codes = (base: Prompt, head: Prompt, rule: 'required' | 'warn' | 'off' = 'required') =>
    diffPrompts([base], [head], { versionBump: rule }).findings.map((f) => `${f.severity}:${f.code}`);

  it('requires a bump when the text changes, as error, warning or nothing depending on versionBump', () => {
    const before = prompt('p', { version: '4' });
    const after = changed(before, '4');
    expect(codes(before, after, 'required')).toEqual(['error:version-not-bumped']);
    expect(codes(before, after, 'warn')).toEqual(['warning:version-not-bumped']);
    expect(codes(before, after, 'off')).toEqual([]);
  });

  it('counts every front-matter field except version as content', () => {
    const before = prompt('p', { meta: { temperature: 0.2 } });
    expect(codes(before, { ...before, meta: { temperature: 0.7 } })).toEqual(['error:version-not-bumped']);
    expect(codes(before, { ...before, tools: ['read_ticket'] })).toEqual(['error:version-not-bumped']);
    expect(codes(before, { ...before, version: '2' })).toEqual([]);
  });

  it('points the finding at the prompt, its front matter line and the version field', () => {
    const before = prompt('support/system', {
      version: '4',
      source: { path: 'registry/prompts/support.md', line: 3 },
    });
    const [finding] = diffPrompts([before], [changed(before, '4')], required).findings;
    expect(finding).toMatchObject({
      path: 'registry/prompts/support.md',
      line: 3,
      tool: 'support/system',
      field: 'version',
    });
    expect(finding?.message).toContain('version 4');
  });

  it('compares integer versions as numbers, not text', () => {
    const before = prompt('p', { version: '9' });
    expect(codes(before, changed(before, '10'))).toEqual([]);
    expect(codes(prompt('p', { version: '10' }), changed(prompt('p', { version: '10' }), '9'))).toEqual([
      'error:version-decreased',
    ]);
  });

  it('orders semver by precedence, pre-releases below their release', () => {
    const at = (version: string) => prompt('p', { version });
    expect(codes(at('1.2.3'), changed(at('1.2.3'), '1.10.0'))).toEqual([]);
    expect(codes(at('1.10.0'), changed(at('1.10.0'), '1.9.9'))).toEqual(['error:version-decreased']);
    expect(codes(at('2.0.0'), changed(at('2.0.0'), '2.0.0-rc.1'))).toEqual(['error:version-decreased']);
    expect(codes(at('2.0.0-rc.2'), changed(at('2.0.0-rc.2'), '2.0.0-rc.10'))).toEqual([]);
    expect(codes(at('1.0.0+build.1'), changed(at('1.0.0+build.1'), '1.0.0+build.2'))).toEqual([
      'error:version-not-bumped',
    ]);
  });

  it('reads an integer N as N.0.0 when a prompt switches between integer and semver', () => {
    const at = (version: string) => prompt('p', { version });
    expect(codes(at('4'), changed(at('4'), '4.1.0'))).toEqual([]);
    expect(codes(at('4.1.0'), changed(at('4.1.0'), '5'))).toEqual([]);
    expect(codes(at('4.1.0'), changed(at('4.1.0'), '4'))).toEqual(['error:version-decreased']);
    expect(codes(at('4'), changed(at('4'), '4.0.0'))).toEqual(['error:version-not-bumped']);
  });

  it('flags a version going backwards even without a content change, and not under off', () => {
    const before = prompt('p', { version: '5' });
    expect(codes(before, { ...before, version: '3' })).toEqual(['error:version-decreased']);
    expect(codes(before, { ...before, version: '3' }, 'off')).toEqual([]);
  });

  it('treats a dropped version on changed content as not bumped', () => {
    const before = prompt('p', { version: '5' });
    const [finding] = diffPrompts([before], [changed(before, undefined)], required).findings;
    expect(finding?.code).toBe('version-not-bumped');
    expect(finding?.message).toContain('lost its version');
  });

  it('does not ask new prompts for a bump', () => {
    expect(diffPrompts([], [prompt('fresh', { version: undefined })], required).findings).toEqual([]);
  });
});

describe('diffPrompts: behaviour findings', () => {
  it('notes a model change as info', () => {
    const before = prompt('p', { model: 'gpt-4o' });
    const { findings } = diffPrompts([before], [{ ...before, version: '2', model: 'gpt-5' }], required);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'info', code: 'model-changed', field: 'model', tool: 'p' }),
    ]);
    expect(findings[0]?.message).toContain('gpt-4o to gpt-5');
  });

  it('flags template variables that a prompt declaring `variables` does not declare', () => {
    const text = [
      'Hello {{ customer.name }}, about {{ticket}}: {{ summary | truncate(80) }} {{ "literal" }}',
      '{% for item in orders %}{{ item.id }} {{ loop.index }}{% endfor %}',
      '{% set tone = "kind" %}{{ tone }} {{{ raw_html }}}',
      '{{#attachments}}{{filename}}{{/attachments}} {{! a comment }} {% if vip %}VIP{% endif %}',
    ].join('\n');
    const added = prompt('p', { text, meta: { variables: ['customer', 'ticket'] } });
    const { findings } = diffPrompts([], [added], required);
    expect(findings.map((f) => f.code)).toEqual(Array(5).fill('undeclared-variable'));
    expect(findings.map((f) => /\{\{ (\w+) \}\}/.exec(f.message)?.[1])).toEqual([
      'attachments',
      'orders',
      'raw_html',
      'summary',
      'vip',
    ]);
  });

  it('skips the variable check for prompts without `variables`, and accepts the map form', () => {
    expect(diffPrompts([], [prompt('p', { text: '{{ anything }}' })], required).findings).toEqual([]);
    const mapForm = prompt('q', { text: '{{ order_id }}', meta: { variables: { order_id: 'the order' } } });
    expect(diffPrompts([], [mapForm], required).findings).toEqual([]);
  });

  it('warns when an output schema drops a field, a requirement, or lets in new types and enum values', () => {
    const oldSchema: JsonObject = {
      type: 'object',
      required: ['answer', 'confidence', 'category'],
      properties: {
        answer: { type: 'string' },
        confidence: { type: 'number' },
        category: { type: 'string', enum: ['refund', 'shipping'] },
        sources: { type: 'array', items: { type: 'string' } },
        legacy: { type: 'string' },
      },
    };
    const newSchema: JsonObject = {
      type: 'object',
      required: ['answer', 'category'],
      properties: {
        answer: { type: ['null', 'string'] },
        confidence: { type: 'number' },
        category: { type: 'string', enum: ['refund', 'shipping', 'other'] },
        sources: { type: 'array', items: { type: 'object' } },
      },
    };
    const before = prompt('p', { outputSchema: oldSchema });
    const { findings } = diffPrompts(
      [before],
      [{ ...before, version: '2', outputSchema: newSchema }],
      required,
    );
    expect(findings.every((f) => f.code === 'output-schema-breaking' && f.severity === 'warning')).toBe(true);
    expect(findings.map((f) => f.field)).toEqual([
      'outputSchema.properties.answer.type',
      'outputSchema.properties.category.enum',
      'outputSchema.properties.legacy',
      'outputSchema.properties.sources.items.type',
      'outputSchema.required',
    ]);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/consumers may now receive null/);
  });

  it('does not report an output schema that only narrows', () => {
    const before = prompt('p', {
      outputSchema: { type: 'object', properties: { n: { type: ['number', 'null'], enum: [1, 2, null] } } },
    });
    const narrowed = {
      type: 'object',
      required: ['n'],
      properties: { n: { type: 'integer', enum: [1] } },
    } as JsonObject;
    expect(
      diffPrompts([before], [{ ...before, version: '2', outputSchema: narrowed }], required).findings,
    ).toEqual([]);
  });
});
