import { describe, expect, it } from 'vitest';
import type { FieldChange, ServerChange } from '../../src/model/types.js';
import { foldServerTools } from '../../src/render/fold-server-tools.js';
import { summarizeReport } from '../../src/render/summary-line.js';
import { makePromptChange, makeReport, makeToolChange } from '../helpers/make-report.js';

const credential: FieldChange = { field: 'credentials', kind: 'widened', added: ['GH_TOKEN'], removed: [] };

function server(changes: FieldChange[]): ServerChange {
  return {
    name: 'gh',
    change: 'modified',
    source: 'registry/tools/gh.yaml',
    radiusBefore: 'write',
    radiusAfter: 'privileged',
    escalation: true,
    narrowing: false,
    changes,
    path: 'registry/tools/gh.yaml',
    line: 3,
  };
}

describe('summarizeReport', () => {
  it('counts tools per change kind and radius, then servers, bindings, paths, prompts and findings', () => {
    const report = makeReport({
      control: {
        changed: true,
        tools: [
          makeToolChange({ name: 'a', radiusAfter: 'privileged' }),
          makeToolChange({ name: 'b', radiusAfter: 'read' }),
          makeToolChange({ name: 'c', radiusAfter: 'read' }),
          makeToolChange({ name: 'd', change: 'modified', radiusBefore: 'read', radiusAfter: 'write' }),
        ],
        servers: [server([credential]), { ...server([]), name: 'fs' }],
        bindings: [{ agent: 'support', added: ['a'], removed: [] }],
      },
      data: {
        changed: true,
        files: [{ path: 'registry/prompts/s.md', status: 'modified' }],
        prompts: [makePromptChange({ id: 's' })],
      },
      findings: [
        { severity: 'error', code: 'schema', path: 'p', line: 1, message: 'm', new: true },
        { severity: 'warning', code: 'hidden-unicode', path: 'p', line: 2, message: 'm', new: false },
      ],
    });
    expect(summarizeReport(report)).toBe(
      'control: 3 added (1 privileged, 2 read), 1 modified (1 write), 2 servers, 1 binding; data: 1 prompt modified; 1 new finding (1 error), 1 pre-existing finding not brought by this change',
    );
  });

  it('says "no changes" for an untouched plane', () => {
    expect(summarizeReport(makeReport())).toBe('control: no changes; data: no changes');
  });
});

describe('foldServerTools', () => {
  it("folds tools whose only changes are their server's, and keeps a tool's own changes", () => {
    const own: FieldChange = { field: 'description', kind: 'changed', before: 'a', after: 'b' };
    const tools = [
      ...Array.from({ length: 18 }, (_, i) =>
        makeToolChange({
          name: `gh.t${i}`,
          change: 'modified',
          radiusBefore: 'read',
          radiusAfter: 'write',
          escalation: true,
          changes: [credential],
        }),
      ),
      makeToolChange({ name: 'gh.special', change: 'modified', changes: [credential, own] }),
      makeToolChange({ name: 'ghost.t1', change: 'modified', changes: [credential] }),
    ];
    const view = foldServerTools(tools, [server([credential])]);
    expect(view.folded).toHaveLength(1);
    expect(view.folded[0]?.names).toHaveLength(18);
    expect(view.listed.map((t) => [t.name, t.changes])).toEqual([
      ['gh.special', [own]],
      // another server's tool that merely shares the prefix is not folded
      ['ghost.t1', [credential]],
    ]);
  });

  it('never folds an added or removed tool, nor one of a server that was added', () => {
    const tools = [makeToolChange({ name: 'gh.t1', change: 'added', changes: [credential] })];
    expect(foldServerTools(tools, [server([credential])]).listed).toHaveLength(1);
    const modified = [makeToolChange({ name: 'gh.t1', change: 'modified', changes: [credential] })];
    expect(foldServerTools(modified, [{ ...server([credential]), change: 'added' }]).listed).toHaveLength(1);
  });
});
