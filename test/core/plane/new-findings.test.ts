// Issue 13, item 1: only the findings a change brings decide a gate. Matched by code, file and subject, never by
// line; fail closed where the change touches what a finding is about.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describePreexisting,
  findingKey,
  isNewFinding,
  markNewFindings,
} from '../../../src/core/plane/new-findings.js';
import type { DiffReport, Finding } from '../../../src/model/types.js';
import { diffTrees, statusesUnsigned } from '../../helpers/diff-trees.js';
import type { Files } from '../../helpers/diff-trees.js';

const tool = (name: string, extra = '') =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\neffect: read\nscopes: [things:read]\n${extra}`;
const prompt = (id: string, tools: string[], text = 'Be helpful.', version = 1) =>
  `---\nid: ${id}\nversion: ${version}\ntools: [${tools.join(', ')}]\n---\n${text}\n`;

function diff(base: Files, head: Files, renames: Record<string, string> = {}): DiffReport {
  return diffTrees(base, head, { renames });
}

const statuses = statusesUnsigned;

const ghosts = Array.from({ length: 20 }, (_, i) => `ghost_${i}`);
const base: Files = {
  'registry/tools/read.yaml': tool('read_things'),
  'registry/prompts/agent.md': prompt('agent', ['read_things', ...ghosts]),
};

describe('pre-existing findings in a real diff', () => {
  it('a one-word prompt edit does not fail on 20 binding errors it did not bring, even in the file it edits', () => {
    const report = diff(base, {
      ...base,
      'registry/prompts/agent.md': prompt('agent', ['read_things', ...ghosts], 'Be kind.', 2),
    });
    const bindings = report.findings.filter((f) => f.code === 'unknown-tool-binding');
    expect(bindings).toHaveLength(20);
    expect(bindings.every((f) => f.new === false)).toBe(true);
    expect(report.findings.every((f) => typeof f.new === 'boolean')).toBe(true);
    const planned = statuses(report);
    expect(planned.control.state).toBe('success');
    expect(planned.data.state).toBe('success');
    expect(describePreexisting(report.findings)).toBe(
      '20 pre-existing findings not brought by this change (20 errors)',
    );
  });

  it('an unknown binding the change adds is new, beside the old ones, and fails the gate', () => {
    const report = diff(base, {
      ...base,
      'registry/prompts/agent.md': prompt('agent', ['read_things', 'ghost_new', ...ghosts], 'Be kind.', 2),
    });
    const fresh = report.findings.filter((f) => f.new === true);
    expect(fresh.map((f) => f.code)).toEqual(['unknown-tool-binding']);
    expect(fresh[0]?.message).toContain('ghost_new');
    expect(statuses(report).control.state).toBe('failure');
  });

  it('swapping one unknown binding for another at the same place is new (the subject, not the index)', () => {
    const small: Files = {
      ...base,
      'registry/prompts/agent.md': prompt('agent', ['read_things', 'ghost_a']),
    };
    const report = diff(small, {
      ...small,
      'registry/prompts/agent.md': prompt('agent', ['read_things', 'ghost_b'], 'Be helpful.', 2),
    });
    expect(report.findings.filter((f) => f.new).map((f) => f.message)).toEqual([
      expect.stringContaining('ghost_b'),
    ]);
  });

  it('keeps a finding old when its file is renamed', () => {
    const report = diff(
      base,
      {
        'registry/tools/read.yaml': base['registry/tools/read.yaml'] as string,
        'registry/prompts/support.md': base['registry/prompts/agent.md'] as string,
      },
      { 'registry/prompts/support.md': 'registry/prompts/agent.md' },
    );
    const bindings = report.findings.filter((f) => f.code === 'unknown-tool-binding');
    expect(bindings).toHaveLength(20);
    expect(bindings.every((f) => f.new === false)).toBe(true);
  });

  it('duplicate prompt ids hold the gate whenever either file changes, though the base had them too', () => {
    const dupes: Files = {
      'registry/tools/read.yaml': tool('read_things'),
      'registry/prompts/a.md': prompt('agent', ['read_things']),
      'registry/prompts/b.md': prompt('agent', ['read_things']),
    };
    const report = diff(dupes, {
      ...dupes,
      'registry/prompts/a.md': prompt('agent', ['read_things'], 'x', 2),
    });
    const found = report.findings.filter((f) => f.code === 'duplicate-prompt');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.new === true)).toBe(true);
    expect(statuses(report).control.state).toBe('failure');
  });

  it('a prompt that did not parse at base and still does not is new when the change edits it', () => {
    const broken = '---\nid: agent\ntools: [read_things\n---\nBe helpful.\n';
    const withBroken: Files = { ...base, 'registry/prompts/agent.md': broken };
    const report = diff(withBroken, { ...withBroken, 'registry/prompts/agent.md': `${broken}More.\n` });
    const about = report.findings.filter(
      (f) => f.path === 'registry/prompts/agent.md' && f.severity === 'error',
    );
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((f) => f.new === true)).toBe(true);
    expect(about.map((f) => f.code)).toContain('prompt-bindings-unknown');
  });

  it('hidden Unicode already in a description stays old through an edit elsewhere in the file', () => {
    const zw = '\u200b';
    const withHidden: Files = {
      ...base,
      'registry/tools/mail.yaml': tool('read_mail', `description: "Reads${zw} mail."\n`),
    };
    const edited = diff(withHidden, {
      ...withHidden,
      'registry/tools/mail.yaml': tool('read_mail', `owner: "@acme/mail"\ndescription: "Reads${zw} mail."\n`),
    });
    const hidden = edited.findings.filter((f) => f.code === 'hidden-unicode');
    expect(hidden).toHaveLength(1);
    expect(hidden[0]?.new).toBe(false);
    expect(statuses(edited).control.state).not.toBe('failure');
  });

  it('hidden Unicode is new again when the change rewrites the text that holds it, or adds more', () => {
    const zw = '\u200b';
    const withHidden: Files = {
      ...base,
      'registry/tools/mail.yaml': tool('read_mail', `description: "Reads${zw} mail."\n`),
    };
    const rewritten = diff(withHidden, {
      ...withHidden,
      'registry/tools/mail.yaml': tool('read_mail', `description: "Reads${zw} mail, fast."\n`),
    });
    expect(rewritten.findings.filter((f) => f.code === 'hidden-unicode').map((f) => f.new)).toEqual([true]);
    expect(statuses(rewritten).control.state).toBe('failure');
    const more = diff(withHidden, {
      ...withHidden,
      'registry/tools/mail.yaml': tool('read_mail', `owner: x\ndescription: "Reads${zw} mail${zw}."\n`),
    });
    expect(more.findings.filter((f) => f.code === 'hidden-unicode').map((f) => f.new)).toEqual([true]);
  });

  it('a tool defined twice holds the gate when the change touches either copy', () => {
    const twice: Files = {
      ...base,
      'registry/tools/copy.yaml': tool('read_things'),
    };
    const report = diff(twice, { ...twice, 'registry/tools/read.yaml': tool('read_things', 'owner: x\n') });
    const dupes = report.findings.filter((f) => f.code === 'duplicate-tool');
    expect(dupes.length).toBeGreaterThan(0);
    expect(dupes.every((f) => f.new === true)).toBe(true);
    const untouched = diff(twice, {
      ...twice,
      'registry/prompts/agent.md': prompt('agent', ['read_things', ...ghosts], 'Hi.', 2),
    });
    expect(untouched.findings.filter((f) => f.code === 'duplicate-tool').every((f) => f.new === false)).toBe(
      true,
    );
  });

  it('findings the change computes itself (version bump, radius over max) are always new', () => {
    const report = diff(base, {
      ...base,
      'registry/prompts/agent.md': prompt('agent', ['read_things', ...ghosts], 'Be kind.', 1),
    });
    const bump = report.findings.filter(
      (f) => f.path === 'registry/prompts/agent.md' && f.code !== 'unknown-tool-binding',
    );
    expect(bump.length).toBeGreaterThan(0);
    expect(bump.every((f) => f.new === true)).toBe(true);
  });
});

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  severity: 'error',
  code: 'unknown-tool-binding',
  path: 'registry/prompts/a.md',
  line: 3,
  tool: 'a',
  field: 'tools',
  message: 'prompt "a" binds tool "x", which is not in the registry',
  ...overrides,
});

describe('markNewFindings', () => {
  it('matches across a moved line and a location in the message', () => {
    const marked = markNewFindings({
      head: [finding({ line: 9, message: 'registry/prompts/a.md:9: same, see other.yaml:12' })],
      base: [finding({ line: 3, message: 'registry/prompts/a.md:3: same, see other.yaml:4' })],
      changedFiles: [{ path: 'registry/prompts/a.md', status: 'modified' }],
    });
    expect(marked[0]?.new).toBe(false);
  });

  it('counts: a second identical finding beside an old one is new, the later one', () => {
    const marked = markNewFindings({
      head: [finding({ line: 8 }), finding({ line: 2 })],
      base: [finding({ line: 5 })],
      changedFiles: [],
    });
    expect(marked.map((f) => [f.line, f.new])).toEqual([
      [8, true],
      [2, false],
    ]);
  });

  it('a refused path is new even when the base held the same finding', () => {
    const refused = finding({ code: 'path-refused', path: 'registry/tools/x\u2028.yaml' });
    expect(markNewFindings({ head: [refused], base: [refused], changedFiles: [] })[0]?.new).toBe(true);
  });

  it('an unreadable manifest is new when its file changed, old when it did not', () => {
    const broken = finding({
      code: 'yaml-parse',
      path: 'registry/tools/t.yaml',
      tool: undefined,
      field: undefined,
    });
    const changed = [{ path: 'registry/tools/t.yaml', status: 'modified' as const }];
    expect(markNewFindings({ head: [broken], base: [broken], changedFiles: changed })[0]?.new).toBe(true);
    expect(markNewFindings({ head: [broken], base: [broken], changedFiles: [] })[0]?.new).toBe(false);
  });

  it('a finding on another tool, field or code is not the same finding', () => {
    for (const other of [
      { tool: 'b' },
      { field: 'tools.description' },
      { code: 'confusable-name' as const },
      { path: 'b.md' },
    ]) {
      expect(markNewFindings({ head: [finding(other)], base: [finding()], changedFiles: [] })[0]?.new).toBe(
        true,
      );
    }
  });

  it('an unmarked finding counts as new (fail closed)', () => {
    expect(isNewFinding(finding())).toBe(true);
    expect(isNewFinding({ ...finding(), new: false })).toBe(false);
  });

  it('property: never more old findings per key than the base has, and without a base everything is new', () => {
    const arbitraryFinding = fc.record({
      severity: fc.constantFrom('error' as const, 'warning' as const),
      code: fc.constantFrom(
        'schema',
        'unknown-tool-binding',
        'hidden-unicode',
        'path-refused',
        'duplicate-prompt',
      ),
      path: fc.constantFrom('a.yaml', 'b.yaml'),
      line: fc.integer({ min: 1, max: 50 }),
      tool: fc.constantFrom('x', 'y'),
      message: fc.constantFrom('m1', 'm2'),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryFinding, { maxLength: 12 }),
        fc.array(arbitraryFinding, { maxLength: 12 }),
        fc.subarray(['a.yaml', 'b.yaml']),
        (head, baseFindings, changed) => {
          const changedFiles = changed.map((path) => ({ path, status: 'modified' as const }));
          const marked = markNewFindings({ head, base: baseFindings, changedFiles });
          expect(marked).toHaveLength(head.length);
          const baseCount = new Map<string, number>();
          for (const f of baseFindings) baseCount.set(findingKey(f), (baseCount.get(findingKey(f)) ?? 0) + 1);
          const oldCount = new Map<string, number>();
          for (const f of marked.filter((m) => m.new === false))
            oldCount.set(findingKey(f), (oldCount.get(findingKey(f)) ?? 0) + 1);
          for (const [key, n] of oldCount) expect(n).toBeLessThanOrEqual(baseCount.get(key) ?? 0);
          for (const f of marked)
            if (f.code === 'path-refused' || f.code === 'duplicate-prompt') expect(f.new).toBe(true);
          expect(markNewFindings({ head, base: [], changedFiles }).every((f) => f.new)).toBe(true);
        },
      ),
    );
  });
});
