import { describe, expect, it } from 'vitest';
import { checkCodeowners } from '../../../src/core/codeowners/codeowners-check.js';
import { parseConfig } from '../../../src/core/plane/config.js';

const config = parseConfig(null, 'agentgate.yaml').config;

const check = (text: string | null, path = '.github/CODEOWNERS') =>
  checkCodeowners({ codeowners: text === null ? null : { path, text }, config });
const codes = (text: string | null, path?: string) =>
  check(text, path).findings.map((f) => `${f.severity} ${f.code}`);

const SPLIT = `* @acme/platform
/registry/prompts/ @acme/prompt-eng
/registry/tools/ @acme/security
/agentgate.yaml @acme/security
/.github/ @acme/security
/action.yml @acme/security
/.gitattributes @acme/security
`;

describe('checkCodeowners', () => {
  it('accepts two planes with distinct owners and gate files owned by the control owner', () => {
    const report = check(SPLIT);
    expect(report.findings).toEqual([]);
    expect(report.planes.control.owners).toEqual(['@acme/security']);
    expect(report.planes.data.owners).toEqual(['@acme/prompt-eng']);
    expect(report.planes.control.probes.map((p) => p.path)).toEqual([
      'registry/tools/x.yaml',
      'registry/tools/sub/y.yml',
      'registry/tools/z.json',
    ]);
  });

  it('names the later rule that takes tool manifests away from the security owner', () => {
    const report = check(`${SPLIT}*.yaml @someone\n`);
    const overridden = report.findings.filter((f) => f.code === 'owner-overridden');
    expect(overridden.map((f) => [f.severity, f.line])).toEqual([
      ['error', 8],
      ['warning', 8],
    ]);
    expect(overridden[0]?.message).toContain(
      'line 8 "*.yaml" comes after the control rule (line 3) and takes registry/tools/x.yaml from @acme/security',
    );
    expect(report.planes.control.owners).toEqual(['@acme/security']);
  });

  it('reports fused ownership when one owner holds both planes', () => {
    expect(
      codes(
        '/registry/ @acme/everyone\n/agentgate.yaml @acme/everyone\n/.github/ @acme/everyone\n/action.yml @acme/everyone\n/.gitattributes @acme/everyone\n',
      ),
    ).toEqual(['error fused-ownership']);
  });

  it('reports a plane nobody owns, and a rule without owners as unowning', () => {
    expect(codes('/registry/prompts/ @acme/prompt-eng\n')).toContain('error plane-unowned');
    const unowned = check(
      '/registry/prompts/ @acme/prompt-eng\n/registry/tools/ @acme/security\n/registry/tools/\n',
    );
    expect(unowned.findings.find((f) => f.code === 'plane-unowned')?.message).toContain(
      'line 3 "/registry/tools/" names no owner',
    );
  });

  it('requires gate files to be approvable by the control-plane owner only', () => {
    const report = check(
      '* @acme/platform\n/registry/prompts/ @acme/prompt-eng\n/registry/tools/ @acme/security\n',
    );
    const gates = report.findings
      .filter((f) => f.code === 'gate-owner-mismatch')
      .map((f) => f.message.split(' ')[2]);
    expect(gates).toEqual([
      'agentgate.yaml',
      '.github/workflows/agentgate.yml',
      '.github/actions/agentgate/action.yml',
      'action.yml',
      '.gitattributes',
      '.github/CODEOWNERS',
    ]);
    expect(codes('/registry/prompts/ @p\n/registry/tools/ @s\n')).toContain('error gate-unowned');
  });

  it('probes nested manifests: a direct-children pattern leaves sub-folders to another owner', () => {
    const report = check(
      '* @acme/platform\n/registry/prompts/ @acme/prompt-eng\n/registry/tools/* @acme/security\n/agentgate.yaml @acme/security\n/.github/ @acme/security\n/action.yml @acme/security\n/.gitattributes @acme/security\n',
    );
    expect(report.findings.map((f) => f.message)).toEqual([
      expect.stringContaining(
        'registry/tools/sub/y.yml is not owned by @acme/security: line 1 "*" gives it to @acme/platform',
      ),
    ]);
  });

  it('guards the CODEOWNERS locations GitHub reads before the active one', () => {
    const report = check(
      '/registry/prompts/ @p\n/registry/tools/ @s\n/agentgate.yaml @s\n/.github/workflows/ @s\n/.github/actions/ @s\n/action.yml @s\n/.gitattributes @s\n/CODEOWNERS @s\n',
      'CODEOWNERS',
    );
    expect(report.gates.map((g) => g.path)).toEqual([
      'agentgate.yaml',
      '.github/workflows/agentgate.yml',
      '.github/actions/agentgate/action.yml',
      'action.yml',
      '.gitattributes',
      '.github/CODEOWNERS',
      'CODEOWNERS',
    ]);
    expect(report.findings.map((f) => f.message)).toEqual([
      expect.stringContaining('gate file .github/CODEOWNERS has no owner'),
    ]);
  });

  it('reports a missing file', () => {
    expect(codes(null)).toEqual(['error codeowners-missing']);
  });

  it('uses the plane globs of the config', () => {
    const custom = parseConfig(
      'planes:\n  control:\n    paths: ["agents/tools/**/*.yaml"]\n',
      'agentgate.yaml',
    ).config;
    const report = checkCodeowners({
      codeowners: { path: 'CODEOWNERS', text: '/agents/tools/ @s\n' },
      config: custom,
    });
    expect(report.planes.control.probes.map((p) => p.path)).toEqual(['agents/tools/x.yaml']);
    expect(report.planes.control.owners).toEqual(['@s']);
  });
});
