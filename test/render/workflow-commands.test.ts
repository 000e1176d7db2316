import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckAnnotation } from '../../src/core/gate/check-runs.js';
import {
  escapeCommandData,
  escapeCommandProperty,
  renderAnnotationCommand,
  renderAnnotationCommands,
} from '../../src/render/workflow-commands.js';

const annotation = (over: Partial<CheckAnnotation>): CheckAnnotation => ({
  path: 'registry/tools/a.yaml',
  start_line: 4,
  end_line: 4,
  annotation_level: 'failure',
  title: 'schema',
  message: 'bad',
  ...over,
});

/** GitHub's own unescaping of a workflow command (as the runner does it) */
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

describe('workflow-command annotations', () => {
  it('::error file=…,line=…,title=…::message, levels as GitHub names them', () => {
    expect(renderAnnotationCommand(annotation({}))).toBe(
      '::error file=registry/tools/a.yaml,line=4,title=schema::bad',
    );
    expect(renderAnnotationCommand(annotation({ annotation_level: 'warning' }))).toMatch(/^::warning /);
    expect(renderAnnotationCommand(annotation({ annotation_level: 'notice' }))).toMatch(/^::notice /);
  });

  it('hostile text can neither end the command nor start a second one', () => {
    const line = renderAnnotationCommand(
      annotation({ path: 'a,line=1::x.yaml', title: 't:,', message: 'm\n::error::forged\r%0A' }),
    );
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toMatch(/\r/);
    expect(line).toBe(
      '::error file=a%2Cline=1%3A%3Ax.yaml,line=4,title=t%3A%2C::m%0A::error::forged%0D%250A',
    );
  });

  it('escaping round-trips any text and leaves no raw separator (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const data = escapeCommandData(text);
        const property = escapeCommandProperty(text);
        expect(data).not.toMatch(/[\r\n]/);
        expect(property).not.toMatch(/[\r\n:,]/);
        expect(unescapeData(data)).toBe(text);
        expect(unescapeProperty(property)).toBe(text);
      }),
    );
  });

  it('says a finding held by both planes once', () => {
    const a = annotation({});
    expect(renderAnnotationCommands([a, a, annotation({ start_line: 5, end_line: 5 })])).toHaveLength(2);
  });
});
