import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { renderSarif } from '../../src/render/sarif.js';

const findings: Finding[] = [
  {
    severity: 'error',
    code: 'schema',
    path: 'registry/tools/a b.yaml',
    line: 4,
    message: "registry/tools/a b.yaml:4: field 'effect': bad",
  },
  {
    severity: 'warning',
    code: 'radius-assumed',
    path: 'registry/tools/c.yaml',
    line: 0,
    message: 'assumed',
    tool: 'c',
  },
  { severity: 'info', code: 'schema', path: 'x.yaml', line: 2, message: 'note' },
];

describe('renderSarif', () => {
  it('writes a SARIF 2.1.0 log with one rule per code and one result per finding', () => {
    const log = JSON.parse(renderSarif(findings));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('agentgate');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['radius-assumed', 'schema']);
    expect(
      run.results.map((r: { ruleId: string; level: string; ruleIndex: number }) => [
        r.ruleId,
        r.level,
        r.ruleIndex,
      ]),
    ).toEqual([
      ['schema', 'error', 1],
      ['radius-assumed', 'warning', 0],
      ['schema', 'note', 1],
    ]);
  });

  it('does not repeat the location in the message, encodes the URI and keeps lines >= 1', () => {
    const run = JSON.parse(renderSarif(findings)).runs[0];
    expect(run.results[0].message.text).toBe("field 'effect': bad");
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'registry/tools/a%20b.yaml',
    );
    expect(run.results[1].locations[0].physicalLocation.region.startLine).toBe(1);
  });

  it('is a valid log with no findings', () => {
    const log = JSON.parse(renderSarif([]));
    expect(log.runs[0].results).toEqual([]);
  });
});
