import { describe, expect, it } from 'vitest';
import { buildDiffReport } from '../../../src/core/diff/build-diff.js';
import type { DiffInput, EvalOutcome } from '../../../src/core/diff/build-diff.js';
import type { EvalDelta } from '../../../src/model/eval.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { parseSnapshot } from '../../../src/core/plane/parse-snapshot.js';
import type { ChangedFile, Config, Finding } from '../../../src/model/types.js';
import { parseCodeowners } from '../../../src/parse/codeowners.js';
import { resolveGatePeople } from '../../../src/core/gate/reviewers.js';

// The report is built whole from its inputs: eval results and control-plane owners come in, nothing is
// changed on the report afterwards.

type Files = Record<string, string>;
const tool = (name: string, scopes = 'things:read') =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\neffect: read\nscopes: [${scopes}]\n`;
const prompt = (version: number) => `---\nid: agent\nversion: ${version}\ntools: [read_things]\n---\nHi\n`;

function input(base: Files, head: Files, extra: Partial<DiffInput> = {}): DiffInput {
  const snapshot = (files: Files) =>
    parseSnapshot(
      Object.entries(files).map(([path, text]) => ({ path, text, oid: text })),
      [],
      DEFAULT_CONFIG,
    );
  const changedFiles: ChangedFile[] = Object.keys(head)
    .filter((path) => base[path] !== head[path])
    .map((path) => ({ path, status: path in base ? 'modified' : 'added' }));
  return {
    base: { ref: { ref: 'base', sha: null }, snapshot: snapshot(base) },
    head: { ref: { ref: 'head', sha: null }, snapshot: snapshot(head) },
    changedFiles,
    config: DEFAULT_CONFIG,
    today: '2026-11-21',
    ownersOf: () => ['@file-owner'],
    ...extra,
  };
}

const base: Files = {
  'registry/tools/a.yaml': tool('read_things'),
  'registry/prompts/agent.md': prompt(1),
};

// CODEOWNERS giving the control plane's paths to @acme/tools: who the gate names, resolved once per run
const peopleOf = (config: Config) =>
  resolveGatePeople(config, parseCodeowners('/registry/tools/ @acme/tools', 'CODEOWNERS').rules);

describe('buildDiffReport inputs', () => {
  it('puts the eval delta on the data plane and its findings first, unwaived and unsorted', () => {
    const delta = { verdict: 'pass' } as unknown as EvalDelta;
    const finding: Finding = {
      severity: 'warning',
      code: 'eval-results-untrusted',
      path: 'zzz/results.json',
      line: 1,
      message: 'm',
    };
    const outcome: EvalOutcome = { delta, findings: [finding] };
    const head = { ...base, 'registry/prompts/agent.md': prompt(2) };
    const report = buildDiffReport(input(base, head, { eval: outcome }));
    expect(report.planes.data.eval).toBe(delta);
    expect(report.findings[0]).toEqual({ ...finding, new: true });
    expect(Object.keys(report.planes.data).at(-1)).toBe('eval');
  });

  it('has no eval key without an eval outcome', () => {
    const head = { ...base, 'registry/prompts/agent.md': prompt(2) };
    expect('eval' in buildDiffReport(input(base, head)).planes.data).toBe(false);
  });

  it('asks the control plane owners, not the owners of the touched files, when given', () => {
    const head = { ...base, 'registry/tools/a.yaml': tool('read_things', 'things:write') };
    const withOwners = buildDiffReport(input(base, head, { people: peopleOf(DEFAULT_CONFIG) }));
    expect(withOwners.planes.control.reviewers).toEqual(['@acme/tools']);
    expect(buildDiffReport(input(base, head)).planes.control.reviewers).toEqual(['@file-owner']);
  });

  it('configured reviewers win over the control plane owners', () => {
    const config = structuredClone(DEFAULT_CONFIG);
    config.planes.control.reviewers = ['@acme/security'];
    const head = { ...base, 'registry/tools/a.yaml': tool('read_things', 'things:write') };
    const report = buildDiffReport(input(base, head, { config, people: peopleOf(config) }));
    expect(report.planes.control.reviewers).toEqual(['@acme/security']);
  });
});
