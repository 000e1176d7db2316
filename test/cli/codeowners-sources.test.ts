import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodeownersReport } from '../../src/core/codeowners/codeowners-check.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
const codeowners = (...args: string[]) => runCli(['codeowners', ...args], { cwd: repo.dir });
const report = () => JSON.parse(codeowners('--check', '--format', 'json').stdout) as CodeownersReport;

/** Both planes owned apart, the gate files with the control owner: only the client sources are left to check. */
const BASE = [
  '/registry/prompts/ @acme/prompt-eng',
  '/registry/tools/ @acme/security',
  '/agentgate.yaml @acme/security',
  '/agentgate.yml @acme/security',
  '/.github/workflows/ @acme/security',
  '/.github/CODEOWNERS @acme/security',
  '',
].join('\n');

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('registry/tools/t.yaml', 'apiVersion: agentgate/v1\nkind: Tool\nname: t\neffect: read\n');
  repo.write('registry/prompts/p.md', '---\nversion: 1\n---\nHi.\n');
});
afterEach(() => repo.cleanup());

describe('codeowners --check: client source files need the control-plane owner', () => {
  it('an .mcp.json nobody owns is an error; the report lists it', () => {
    repo.write('.github/CODEOWNERS', BASE);
    repo.write('.mcp.json', '{"mcpServers":{"x":{"command":"x"}}}');
    const result = codeowners('--check');
    expect(result.code).toBe(1);
    const json = report();
    expect(json.sources).toEqual([{ path: '.mcp.json', owners: [], rule: null, plane: 'control' }]);
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'source-unowned',
        message: expect.stringContaining('.mcp.json'),
      }),
    );
  });

  it('.claude/settings.json owned by the prompt team alone is a mismatch', () => {
    repo.write('.github/CODEOWNERS', `${BASE}/.claude/ @acme/prompt-eng\n`);
    repo.write('.claude/settings.json', '{"permissions":{"allow":["Bash"]}}');
    const json = report();
    expect(json.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'source-owner-mismatch', line: 7 }),
    );
  });

  it('an agent file co-owned by the prompt team passes; a config co-owned is an error', () => {
    repo.write('.github/CODEOWNERS', `${BASE}/.claude/ @acme/security @acme/prompt-eng\n`);
    repo.write('.claude/agents/a.md', '---\nname: a\ntools: Read\n---\nA.\n');
    repo.write('.claude/settings.json', '{}');
    const findings = report().findings.filter((f) => f.code === 'source-owner-mismatch');
    expect(findings.map((f) => [f.severity, f.message.includes('.claude/agents/a.md')])).toEqual([
      ['error', false],
    ]);
  });

  it('an agent file only security can approve is a warning: every text edit would wait for it', () => {
    repo.write('.github/CODEOWNERS', `${BASE}/.claude/ @acme/security\n`);
    repo.write('.claude/agents/a.md', '---\nname: a\ntools: Read\n---\nA.\n');
    repo.write('.claude/settings.json', '{}');
    const json = report();
    expect(json.sources).toEqual([
      expect.objectContaining({ path: '.claude/agents/a.md', plane: 'data', owners: ['@acme/security'] }),
      expect.objectContaining({
        path: '.claude/settings.json',
        plane: 'control',
        owners: ['@acme/security'],
      }),
    ]);
    expect(json.findings.filter((f) => f.code.startsWith('source-'))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'source-owner-mismatch',
        line: 7,
        message: expect.stringMatching(
          /a\.md hold text .* every text edit waits for it; route them to the data-plane owner @acme\/prompt-eng/,
        ),
      }),
    ]);
  });

  it('many files under one rule are one finding that counts them', () => {
    repo.write('.github/CODEOWNERS', BASE);
    for (let i = 0; i < 12; i++) repo.write(`.github/agents/a${i}.agent.md`, '---\ntools: [read]\n---\nx\n');
    const findings = report().findings.filter((f) => f.code === 'source-unowned');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('and 9 more');
  });

  it('--write routes configs to the control owner and agent files to the data owner; then --check passes', () => {
    repo.write('.mcp.json', '{"mcpServers":{}}');
    repo.write('.claude/agents/a.md', '---\nname: a\n---\nA.\n');
    repo.write('.github/agents/b.agent.md', '---\ntools: [read]\n---\nB.\n');
    repo.write('.claude/settings.json', '{}');
    const written = codeowners(
      '--write',
      '--prompt-owner',
      '@acme/prompt-eng',
      '--tool-owner',
      '@acme/security',
    );
    expect(written.code).toBe(0);
    expect(codeowners('--check').code).toBe(0);
    const owned = Object.fromEntries(report().sources.map((s) => [s.path, s.owners.join()]));
    expect(owned).toEqual({
      '.claude/agents/a.md': '@acme/prompt-eng',
      '.claude/settings.json': '@acme/security',
      '.github/agents/b.agent.md': '@acme/prompt-eng',
      '.mcp.json': '@acme/security',
    });
    expect(report().findings.filter((f) => f.code.startsWith('source-'))).toEqual([]);
  });

  it('probes the files `sources:` adds and nested client files; --write then covers them and --check passes', () => {
    repo.write('agentgate.yaml', 'version: 1\nsources:\n  mcp-config:\n    paths: ["ops/mcp/*.json"]\n');
    repo.write('.github/CODEOWNERS', BASE);
    repo.write('ops/mcp/dev.json', '{"mcpServers":{"ops":{"command":"ops"}}}');
    repo.write('app/.claude/settings.json', '{"permissions":{"allow":["Bash"]}}');
    expect(report().sources.map((probe) => probe.path)).toEqual([
      'app/.claude/settings.json',
      'ops/mcp/dev.json',
    ]);
    expect(codeowners('--check').code).toBe(1);
    const written = codeowners(
      '--write',
      '--prompt-owner',
      '@acme/prompt-eng',
      '--tool-owner',
      '@acme/security',
    );
    expect(written.code).toBe(0);
    expect(report().sources.every((probe) => probe.owners.join() === '@acme/security')).toBe(true);
    expect(codeowners('--check').code).toBe(0);
  });

  it('leaves out what `sources:` turns off, as the diff does', () => {
    repo.write('agentgate.yaml', 'version: 1\nsources:\n  mcp-json: false\n');
    repo.write('.github/CODEOWNERS', BASE);
    repo.write('.mcp.json', '{"mcpServers":{"x":{"command":"x"}}}');
    const json = report();
    expect(json.sources).toEqual([]);
    expect(json.findings.filter((f) => f.code.startsWith('source-'))).toEqual([]);
  });

  it('a repository without client sources is checked as before', () => {
    repo.write('.github/CODEOWNERS', BASE);
    const json = report();
    expect(json.sources).toEqual([]);
    expect(json.findings.filter((f) => f.code.startsWith('source-'))).toEqual([]);
  });
});
