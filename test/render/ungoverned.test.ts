import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderMarkdownReport } from '../../src/render/markdown.js';
import { renderTextReport } from '../../src/render/text.js';
import { makeReport } from '../helpers/make-report.js';

const plain = new Chalk({ level: 0 });

describe('ungoverned files in the reports (SPEC 3.1)', () => {
  const report = {
    ...makeReport(),
    ungoverned: [
      { path: 'src/app.ts', status: 'modified' as const },
      { path: 'tools/new.yaml', status: 'added' as const },
    ],
  };

  it('text lists them under UNGOVERNED', () => {
    const text = renderTextReport(report, plain);
    expect(text).toContain('UNGOVERNED (2 changed file(s) in no plane)');
    expect(text).toContain('  A tools/new.yaml');
  });

  it('markdown folds them away but names each', () => {
    const markdown = renderMarkdownReport(report);
    expect(markdown).toContain('2 changed file(s) in no plane (ungoverned)');
    expect(markdown).toContain('`tools/new.yaml` (added)');
  });

  it('says nothing when every changed file is governed', () => {
    expect(renderTextReport(makeReport(), plain)).not.toContain('UNGOVERNED');
    expect(renderMarkdownReport(makeReport())).not.toContain('ungoverned');
  });
});
