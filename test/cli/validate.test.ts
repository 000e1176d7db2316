import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const GOOD =
  'apiVersion: agentgate/v1\nkind: Tool\nname: read_ticket\neffect: read\ndescription: Read a ticket.\n';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-validate-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('agentgate validate', () => {
  it('exits 0 and says ok for a clean registry', () => {
    write('registry/tools/read.yaml', GOOD);
    write('registry/prompts/support.md', '---\nversion: 1\ntools: [read_ticket]\n---\nHelp.\n');
    const result = runCli(['validate', '--dir', dir], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: 'ok: 1 tool, 1 prompt checked\n', stderr: '' });
  });

  it('exits 1 and prints file:line: severity code: message for each finding', () => {
    write('registry/tools/read.yaml', GOOD);
    write('registry/tools/bad.yaml', 'apiVersion: agentgate/v1\nkind: Tool\nname: send_mail\neffect: loud\n');
    write('registry/tools/copy.yaml', GOOD);
    const result = runCli(['validate'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      'registry/tools/bad.yaml:4: error schema: field \'effect\': must be one of none, read, write, irreversible, privileged (got "loud")',
      'registry/tools/read.yaml:3: error duplicate-tool: tool "read_ticket" is defined twice: here and at registry/tools/copy.yaml:3',
      '2 errors, 0 warnings: 2 tools, 0 prompts checked',
      '',
    ]);
  });

  it('exits 0 with warnings only', () => {
    write('registry/tools/x.yaml', 'apiVersion: agentgate/v1\nkind: Tool\nname: frobnicate\n');
    const result = runCli(['validate', '--dir', dir], { cwd: tmpdir() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('registry/tools/x.yaml:3: warning radius-assumed:');
  });

  it('prints { findings } as JSON', () => {
    write(
      'registry/tools/x.yaml',
      'apiVersion: agentgate/v1\nkind: Tool\nname: x\naproval: human\neffect: read\n',
    );
    const result = runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const { findings } = JSON.parse(result.stdout) as { findings: Finding[] };
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'schema',
        path: 'registry/tools/x.yaml',
        line: 4,
        tool: 'x',
        field: 'aproval',
        message: "registry/tools/x.yaml:4: field 'aproval': unknown field; did you mean 'approval'?",
      },
    ]);
  });

  it('prints SARIF 2.1.0', () => {
    write(
      'registry/tools/x.yaml',
      'apiVersion: agentgate/v1\nkind: Tool\nname: x\neffect: read\ndescription: "a\\u200bb"\n',
    );
    const result = runCli(['validate', '--format', 'sarif'], { cwd: dir });
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('agentgate');
    expect(sarif.runs[0].automationDetails).toEqual({ id: 'agentgate/validate/' });
    expect(sarif.runs[0].tool.driver.rules[0].help.markdown).toContain('How to fix');
    expect(sarif.runs[0].results[0].partialFingerprints['agentgateFingerprint/v1']).toMatch(/^[0-9a-f]{64}$/);
    expect(sarif.runs[0].results[0]).toMatchObject({
      ruleId: 'hidden-unicode',
      level: 'error',
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'registry/tools/x.yaml' }, region: { startLine: 5 } },
        },
      ],
    });
  });

  it('reads agentgate.yaml from the directory: radius floors and waivers apply', () => {
    write(
      'registry/tools/x.yaml',
      'apiVersion: agentgate/v1\nkind: Tool\nname: frobnicate\neffect: read\nscopes: [billing:charge]\n',
    );
    write(
      'agentgate.yaml',
      'radius:\n  actions: { charge: irreversible }\nwaivers:\n  - { tool: frobnicate, code: effect-understated, owner: "@sec", reason: legacy, expires: 2999-01-01 }\n',
    );
    const result = runCli(['validate'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('waived effect-understated on frobnicate until 2999-01-01');
    expect(result.stdout).not.toContain('warning effect-understated');
  });

  it('exits 2 on a bad config, naming file, line and field', () => {
    write('agentgate.yaml', 'planes:\n  control:\n    maxRadius: huge\n');
    const result = runCli(['validate'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "agentgate: agentgate.yaml:3: field 'planes.control.maxRadius': must be one of",
    );
  });

  it('exits 2 for a missing directory or an unknown format', () => {
    expect(runCli(['validate', '--dir', join(dir, 'nope')], { cwd: dir }).code).toBe(2);
    expect(runCli(['validate', '--format', 'xml'], { cwd: dir }).code).toBe(2);
  });

  it('exits 1 naming the config line when one signer can never meet the privileged count (no silent deadlock)', () => {
    write('registry/tools/read.yaml', GOOD);
    write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    signers: ["@alice"]\n');
    const result = runCli(['validate', '--dir', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "agentgate.yaml:4: error signoff-unsatisfiable: field 'planes.control.signoffs.privileged': the default privileged count (2) cannot be satisfied: 1 signer configured",
    );
    const json = runCli(['validate', '--dir', dir, '--format', 'json'], { cwd: dir });
    const { findings } = JSON.parse(json.stdout) as { findings: Finding[] };
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'signoff-unsatisfiable', field: 'planes.control.signoffs.privileged' }),
    );
  });

  it('takes the signers from CODEOWNERS when none are configured, and a team there is no deadlock', () => {
    write('registry/tools/read.yaml', GOOD);
    write('.github/CODEOWNERS', '/registry/tools/ @alice\n');
    const one = runCli(['validate', '--dir', dir], { cwd: dir });
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('the owners of the control paths in .github/CODEOWNERS');
    write('.github/CODEOWNERS', '/registry/tools/ @alice @acme/security\n');
    expect(runCli(['validate', '--dir', dir], { cwd: dir }).code).toBe(0);
  });
});
