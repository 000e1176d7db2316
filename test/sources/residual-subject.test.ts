import { describe, expect, it } from 'vitest';
import { applyWaivers } from '../../src/core/diff/waivers.js';
import type { Waiver } from '../../src/model/types.js';
import { AGENT_SOURCE_ADAPTERS } from '../../src/sources/formats/index.js';
import { createSourceLookup } from '../../src/sources/lookup.js';
import { INNER, SAMPLES, TOP } from './adapter-samples.js';

// A residual finding raised in an agent's file is about that agent: a waiver must say `kind: agent` to reach it,
// and a waiver for a tool of the same name must not silence it (nor the reverse).

const lookup = createSourceLookup();
const agentIds = AGENT_SOURCE_ADAPTERS.map((adapter) => adapter.id);

function residualFindings(id: string) {
  const sample = SAMPLES[id]!;
  const inner = sample.entries === false ? {} : { [INNER]: 1 };
  const model = lookup(sample.path)!.parse({
    path: sample.path,
    oid: '0',
    text: sample.text({ [TOP]: 1 }, inner),
  });
  return model.findings.filter((finding) => finding.code === 'unknown-authority-key');
}

const waiver = (tool: string, kind?: Waiver['kind']): Waiver => ({
  tool,
  code: 'unknown-authority-key',
  owner: '@sec',
  expires: '2999-01-01',
  reason: 'test',
  ...(kind && { kind }),
});

describe('residual findings in agent files name the agent', () => {
  it.each(agentIds)('%s: every residual finding, top level and entry, is about the agent', (id) => {
    const findings = residualFindings(id);
    expect(findings.length).toBeGreaterThanOrEqual(SAMPLES[id]!.entries === false ? 1 : 2);
    expect(findings.map((finding) => finding.subject)).toEqual(findings.map(() => 'agent'));
  });

  it.each(agentIds)('%s: a tool waiver of the same name keeps them, an agent waiver silences them', (id) => {
    const findings = residualFindings(id);
    const name = findings[0]!.tool!;
    expect(findings.every((finding) => finding.tool === name)).toBe(true);
    expect(applyWaivers(findings, [waiver(name)], '2026-01-01').findings).toEqual(findings);
    expect(applyWaivers(findings, [waiver(name, 'server')], '2026-01-01').findings).toEqual(findings);
    expect(applyWaivers(findings, [waiver(name, 'agent')], '2026-01-01').findings).toEqual([]);
  });

  it('a client config is no agent: its residual stays with the tool kind', () => {
    const sample = SAMPLES['mcp-json']!;
    const model = lookup(sample.path)!.parse({
      path: sample.path,
      oid: '0',
      text: sample.text({ [TOP]: 1 }, {}),
    });
    const found = model.findings.filter((finding) => finding.code === 'unknown-authority-key');
    expect(found).toHaveLength(1);
    expect(found[0]!.subject).toBeUndefined();
  });
});
