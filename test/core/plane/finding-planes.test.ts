// What fails a plane is one answer (planesOfFinding): the statuses fail a plane on exactly the new errors that
// hold it, and the check runs annotate a plane with exactly the findings that hold it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotationsByPlane } from '../../../src/core/gate/check-runs.js';
import { planStatuses } from '../../../src/core/gate/statuses.js';
import type { SignoffEvaluation } from '../../../src/core/gate/types.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { createFindingPlanes } from '../../../src/core/plane/finding-planes.js';
import type { Finding } from '../../../src/model/types.js';
import { makeReport } from '../../helpers/make-report.js';

const config = structuredClone(DEFAULT_CONFIG);
const planesOf = createFindingPlanes(config);
const finding = (over: Partial<Finding>): Finding => ({
  severity: 'error',
  code: 'schema',
  path: 'registry/tools/a.yaml',
  line: 1,
  message: 'bad',
  ...over,
});
const signoffs: SignoffEvaluation = {
  required: 0,
  headDigest: 'd'.repeat(64),
  counted: [],
  rejected: [],
  notes: [],
  satisfied: true,
};

describe('planesOfFinding', () => {
  it.each([
    ['a tool manifest', finding({}), ['control']],
    ['a registry prompt', finding({ path: 'registry/prompts/p.md' }), ['data']],
    ['a prompt’s tool bindings', finding({ path: 'registry/prompts/p.md', field: 'tools.0' }), ['control']],
    [
      'an unknown binding',
      finding({ path: 'registry/prompts/p.md', code: 'unknown-tool-binding' }),
      ['control'],
    ],
    ['an eval result', finding({ path: 'evals/results.json', code: 'eval-results-untrusted' }), ['data']],
    ['a file in no plane: the stricter gate', finding({ path: 'src/app.ts' }), ['control']],
    ['a client config', finding({ path: '.mcp.json' }), ['control']],
    ['a client agent file: text and grants', finding({ path: '.claude/agents/x.md' }), ['data', 'control']],
    ['a refused path', finding({ path: 'a\u202eb.md', code: 'path-refused' }), ['data', 'control']],
    [
      'two prompts with one id',
      finding({ path: 'registry/prompts/p.md', code: 'duplicate-prompt' }),
      ['data', 'control'],
    ],
  ])('%s', (_, found, planes) => {
    expect([...planesOf(found)].sort()).toEqual([...planes].sort());
  });
});

describe('the statuses and the check runs ask it', () => {
  const arbFinding = fc.record({
    severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<Finding['severity']>,
    code: fc.constantFrom(
      'schema',
      'path-refused',
      'duplicate-prompt',
      'eval-results-untrusted',
      'unknown-tool-binding',
      'hidden-unicode',
    ),
    path: fc.constantFrom(
      'registry/tools/a.yaml',
      'registry/prompts/p.md',
      '.claude/agents/x.md',
      '.mcp.json',
      'AGENTS.md',
      'src/app.ts',
      'agentgate.yaml',
    ),
    line: fc.constant(1),
    message: fc.constant('m'),
    field: fc.constantFrom(undefined, 'tools', 'tools.1', 'description'),
  });

  it('a plane fails exactly when a new error holds it, and annotates exactly the findings that hold it (property)', () => {
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 6 }), (raw) => {
        const findings = raw as Finding[];
        const statuses = planStatuses({
          report: makeReport({ findings }),
          config,
          signoffs,
          evalResults: 'not-configured',
        });
        const annotations = annotationsByPlane(findings, config);
        for (const plane of ['data', 'control'] as const) {
          const holding = findings.filter((f) => planesOf(f).includes(plane));
          expect(statuses[plane].state === 'failure').toBe(holding.some((f) => f.severity === 'error'));
          expect(annotations[plane].map((a) => a.path)).toEqual(holding.map((f) => f.path));
        }
      }),
      { numRuns: 200 },
    );
  });
});
