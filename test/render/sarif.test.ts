import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/types.js';
import { renderSarif } from '../../src/render/sarif.js';
import { renderDiffSarif } from '../../src/render/sarif-diff.js';
import { makeReport, makeToolChange } from '../helpers/make-report.js';

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

interface SarifLog {
  version: string;
  runs: {
    automationDetails: { id: string };
    tool: {
      driver: {
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          properties: { 'security-severity': string; tags: string[] };
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
      properties: { 'security-severity': string };
    }[];
  }[];
}

/** The constraints of the SARIF 2.1.0 schema (and of GitHub's upload) that these logs can break. */
function expectValidSarif(log: SarifLog): void {
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0]!;
  expect(run.automationDetails.id).toMatch(/^agentgate\/[a-z]+\/$/);
  const rules = run.tool.driver.rules;
  expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  for (const rule of rules) {
    expect(rule.shortDescription.text.length).toBeGreaterThan(0);
    expect(rule.fullDescription.text.length).toBeGreaterThan(rule.shortDescription.text.length);
    expect(rule.help.text.length).toBeGreaterThan(0);
    expect(rule.help.markdown.length).toBeGreaterThan(0);
    expect(rule.name).toMatch(/^[A-Za-z0-9]+$/);
    expect(Number(rule.properties['security-severity'])).toBeGreaterThanOrEqual(0);
    expect(Number(rule.properties['security-severity'])).toBeLessThanOrEqual(10);
  }
  for (const result of run.results) {
    expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(['error', 'warning', 'note', 'none']).toContain(result.level);
    expect(result.message.text.length).toBeGreaterThan(0);
    const location = result.locations[0]!.physicalLocation;
    expect(location.region.startLine).toBeGreaterThanOrEqual(1);
    expect(location.artifactLocation.uri).not.toMatch(/^\/|\s/);
    expect(result.partialFingerprints['agentgateFingerprint/v1']).toMatch(/^[0-9a-f]{64}$/);
  }
}

const escalated = makeToolChange({
  name: 'admin_billing',
  change: 'modified',
  radiusBefore: 'read',
  radiusAfter: 'privileged',
  escalation: true,
  path: 'registry/tools/billing.yaml',
  line: 7,
  changes: [{ field: 'scopes', kind: 'widened', added: ['billing:admin'], removed: [] }],
});

function diffLog(report = makeReport()): SarifLog {
  return JSON.parse(renderDiffSarif(report, { version: '1.2.3' })) as SarifLog;
}

describe('renderDiffSarif', () => {
  const report = makeReport({
    control: {
      changed: true,
      tools: [escalated],
      flows: {
        added: [
          { kind: 'lethal-trifecta', agent: 'support', sources: ['read_mail'], sinks: ['admin_billing'] },
        ],
        removed: [],
      },
    },
    findings: [
      { ...findings[1]!, new: true },
      { severity: 'error', code: 'unknown-tool-binding', path: 'p.md', line: 3, message: 'old', new: false },
    ],
  });

  it('reports escalations, widened fields and new dangerous paths beside the new findings', () => {
    const log = diffLog(report);
    expectValidSarif(log);
    const run = log.runs[0]!;
    expect(run.automationDetails.id).toBe('agentgate/diff/');
    expect(run.results.map((r) => r.ruleId)).toEqual([
      'escalation/privileged',
      'widened/privileged',
      'flow/lethal-trifecta',
      'radius-assumed',
    ]);
    const [escalation, widened, flow] = run.results;
    expect(escalation?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'registry/tools/billing.yaml' },
      region: { startLine: 7 },
    });
    expect(escalation?.message.text).toBe('tool admin_billing: radius read -> privileged');
    expect(widened?.message.text).toContain('scopes widened: +billing:admin');
    // no agent locator: the flow sits at the manifest of the sink the change touched
    expect(flow?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('registry/tools/billing.yaml');
  });

  it('locates a new dangerous path at the agent binding it, when known', () => {
    const log = JSON.parse(
      renderDiffSarif(report, {
        locateAgent: (agent) => ({ path: `registry/prompts/${agent}.md`, line: 4 }),
      }),
    ) as SarifLog;
    const flow = log.runs[0]!.results.find((r) => r.ruleId === 'flow/lethal-trifecta');
    expect(flow?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'registry/prompts/support.md' },
      region: { startLine: 4 },
    });
  });

  it('gives each radius its security-severity: none 0.0, read 2.0, write 5.0, irreversible 8.0, privileged 9.5', () => {
    const radii = ['none', 'read', 'write', 'irreversible', 'privileged'] as const;
    const tools = radii.map((radius) =>
      makeToolChange({ name: `t_${radius}`, radiusAfter: radius, escalation: true }),
    );
    const log = diffLog(makeReport({ control: { changed: true, tools } }));
    expectValidSarif(log);
    const severity = Object.fromEntries(
      log.runs[0]!.tool.driver.rules.map((rule) => [rule.id, rule.properties['security-severity']]),
    );
    expect(severity).toEqual({
      'escalation/none': '0.0',
      'escalation/read': '2.0',
      'escalation/write': '5.0',
      'escalation/irreversible': '8.0',
      'escalation/privileged': '9.5',
    });
  });

  it('fingerprints without line numbers: a result that moves keeps its fingerprint, another subject does not', () => {
    const at = (line: number, name = 'admin_billing') =>
      diffLog(makeReport({ control: { changed: true, tools: [{ ...escalated, name, line }] } })).runs[0]!
        .results[0]!.partialFingerprints['agentgateFingerprint/v1'];
    expect(at(7)).toBe(at(70));
    expect(at(7)).not.toBe(at(7, 'admin_billing_2'));
    const finding = (line: number) =>
      JSON.parse(renderSarif([{ ...findings[1]!, line, message: `registry/tools/c.yaml:${line}: assumed` }]))
        .runs[0].results[0].partialFingerprints['agentgateFingerprint/v1'];
    expect(finding(3)).toBe(finding(30));
  });

  it('leaves out pre-existing findings unless asked', () => {
    const all = JSON.parse(renderDiffSarif(report, { allFindings: true })) as SarifLog;
    expect(all.runs[0]!.results.map((r) => r.ruleId)).toContain('unknown-tool-binding');
    expect(diffLog(report).runs[0]!.results.map((r) => r.ruleId)).not.toContain('unknown-tool-binding');
  });

  it('is valid with nothing to report, and for validate carries its own category', () => {
    expectValidSarif(diffLog());
    const log = JSON.parse(renderSarif(findings)) as SarifLog;
    expectValidSarif(log);
    expect(log.runs[0]!.automationDetails.id).toBe('agentgate/validate/');
    const rule = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'radius-assumed');
    expect(rule?.help.markdown).toContain('**How to fix:**');
  });
});
