import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annotationBatches,
  annotationOf,
  annotationsByPlane,
  clipText,
  planCheckRuns,
} from '../../../src/core/gate/check-runs.js';
import type { CheckAnnotation } from '../../../src/core/gate/check-runs.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { status } from '../../../src/core/gate/statuses.js';
import type { Finding } from '../../../src/model/types.js';

const finding = (over: Partial<Finding>): Finding => ({
  severity: 'error',
  code: 'schema',
  path: 'registry/tools/a.yaml',
  line: 3,
  message: 'bad',
  ...over,
});

describe('check-run annotations', () => {
  it('a finding becomes an annotation on its file and line, its severity as the level', () => {
    expect(annotationOf(finding({}))).toEqual({
      path: 'registry/tools/a.yaml',
      start_line: 3,
      end_line: 3,
      annotation_level: 'failure',
      title: 'schema',
      message: 'bad',
    });
    expect(annotationOf(finding({ severity: 'warning' }))?.annotation_level).toBe('warning');
    expect(annotationOf(finding({ severity: 'info' }))?.annotation_level).toBe('notice');
  });

  it('a file-level finding (line 0 or odd) lands on line 1; one without a file is no annotation', () => {
    expect(annotationOf(finding({ line: 0 }))?.start_line).toBe(1);
    expect(annotationOf(finding({ line: Number.NaN }))?.start_line).toBe(1);
    expect(annotationOf(finding({ line: -4 }))?.start_line).toBe(1);
    expect(annotationOf(finding({ path: '' }))).toBeNull();
  });

  it('a pre-existing finding (new: false) is a notice, marked so', () => {
    const old = { ...finding({}), new: false } as Finding;
    expect(annotationOf(old)).toMatchObject({ annotation_level: 'notice', title: 'schema (pre-existing)' });
  });

  it('goes to the plane whose gate the finding holds', () => {
    const planes = annotationsByPlane(
      [finding({}), finding({ path: 'registry/prompts/p.md', code: 'hidden-unicode' })],
      DEFAULT_CONFIG,
    );
    expect(planes.control.map((a) => a.path)).toEqual(['registry/tools/a.yaml']);
    expect(planes.data.map((a) => a.path)).toEqual(['registry/prompts/p.md']);
  });

  it('batches of at most 50, none lost, order kept; an empty list is one empty batch', () => {
    const one = (i: number): CheckAnnotation => annotationOf(finding({ line: i + 1 })) as CheckAnnotation;
    fc.assert(
      fc.property(fc.nat({ max: 400 }), (n) => {
        const list = Array.from({ length: n }, (_, i) => one(i));
        const batches = annotationBatches(list);
        expect(batches.every((b) => b.length <= 50)).toBe(true);
        expect(batches.flat()).toEqual(list);
        expect(batches.length).toBe(Math.max(1, Math.ceil(n / 50)));
      }),
    );
  });
});

describe('planCheckRuns', () => {
  it('names both runs, puts the verdict in the title; pending stays in progress; error concludes failure', () => {
    const runs = planCheckRuns({
      statuses: {
        data: status('agentgate/data-plane', 'error', 'boom'),
        control: status('agentgate/control-plane', 'pending', 'needs 2 sign-off(s)'),
      },
      findings: [],
      config: DEFAULT_CONFIG,
      text: 'report',
    });
    expect(runs.map((r) => r.name)).toEqual(['agentgate/control-plane', 'agentgate/data-plane']);
    expect(runs[0]).toMatchObject({
      status: 'in_progress',
      conclusion: null,
      title: 'pending: needs 2 sign-off(s)',
    });
    expect(runs[1]).toMatchObject({ status: 'completed', conclusion: 'failure', title: 'error: boom' });
  });

  it('keeps the text within 65,535 characters, never splitting a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 100, max: 2000 }),
        (s, max) => {
          const text = s.repeat(Math.ceil((max * 2) / Math.max(1, s.length)));
          const clipped = clipText(text, max);
          expect(clipped.length).toBeLessThanOrEqual(Math.max(max, text.length <= max ? text.length : max));
          expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(clipped)).toBe(false);
        },
      ),
    );
    const runs = planCheckRuns({
      statuses: {
        data: status('agentgate/data-plane', 'success', 'ok'),
        control: status('agentgate/control-plane', 'success', 'ok'),
      },
      findings: [],
      config: DEFAULT_CONFIG,
      text: '😀 line\n'.repeat(20_000),
    });
    expect(runs[0]!.text.length).toBeLessThanOrEqual(65_535);
    expect(runs[0]!.text).toContain('cut');
  });
});
