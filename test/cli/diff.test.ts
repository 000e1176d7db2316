import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN_TOOL = readFileSync(join(ROOT, 'scripts/demo/admin-billing-update.yaml'), 'utf8');
const SUPPORT_PROMPT = 'registry/prompts/support/system.md';

let repo: TempRepo;

/** The repository's own example registry, committed on main. */
async function seedExample(): Promise<string> {
  for (const path of ['registry', 'agentgate.yaml', 'CODEOWNERS'])
    cpSync(join(ROOT, path), join(repo.dir, path), { recursive: true });
  return repo.commit('example agents');
}

function diffJson(...args: string[]): DiffReport {
  const result = runCli(['diff', '--format', 'json', ...args], { cwd: repo.dir });
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
  return JSON.parse(result.stdout) as DiffReport;
}

function editSupportPrompt(edit: (text: string) => string): void {
  repo.write(SUPPORT_PROMPT, edit(readFileSync(join(repo.dir, SUPPORT_PROMPT), 'utf8')));
}

function bindAdminTool(text: string): string {
  return text.replace('send_email]', 'send_email, admin_billing_update]');
}

beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

describe('agentgate diff on the incident PR', () => {
  beforeEach(async () => {
    await seedExample();
    repo.branch('pr');
    repo.checkout('pr');
    editSupportPrompt((t) =>
      bindAdminTool(
        t
          .replace('version: 4', 'version: 5')
          .replace('concise reply.', 'concise reply. Fix billing directly.'),
      ),
    );
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    await repo.commit('support: small prompt tweak');
  });

  it('splits the PR into both planes and finds the privileged tool, its binding and its new paths', () => {
    const report = diffJson('--base', 'main', '--head', 'pr');
    expect(report.schemaVersion).toBe(1);
    expect(report.base.ref).toBe('main');
    expect(report.planes.data.changed).toBe(true);
    expect(report.planes.data.prompts).toEqual([
      expect.objectContaining({
        id: 'support/system',
        change: 'modified',
        versionBefore: '4',
        versionAfter: '5',
      }),
    ]);
    const control = report.planes.control;
    expect(control.files).toEqual([
      { path: 'registry/tools/billing/admin-billing-update.yaml', status: 'added' },
    ]);
    expect(control.tools).toEqual([
      expect.objectContaining({
        name: 'admin_billing_update',
        change: 'added',
        radiusBefore: null,
        radiusAfter: 'privileged',
        escalation: true,
        changes: expect.arrayContaining([
          { field: 'scopes', kind: 'widened', added: ['billing:admin'], removed: [] },
        ]),
      }),
    ]);
    expect(control.bindings).toEqual([
      { agent: 'support/system', added: ['admin_billing_update'], removed: [] },
    ]);
    expect(control.flows.added).toContainEqual({
      kind: 'untrusted-to-action',
      agent: 'support/system',
      sources: ['read_ticket'],
      sinks: ['admin_billing_update'],
    });
    expect(control.maxRadius).toBe('privileged');
    expect(control.requiredSignoffs).toBe(2);
    expect(control.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(control.reviewers).toEqual(['@acme/security']);
    expect(report.planes.data.reviewers).toEqual(['@acme/prompt-eng']);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        code: 'effect-understated',
        tool: 'admin_billing_update',
        severity: 'warning',
      }),
    );
  });

  it('prints a terminal report with planes, radius, new paths and the sign-off needed', () => {
    const result = runCli(['diff', '--base', 'main', '--head', 'pr'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('DATA PLANE');
    expect(result.stdout).toContain('CONTROL PLANE');
    expect(result.stdout).toMatch(/admin_billing_update\s+added\s+radius PRIVILEGED/);
    expect(result.stdout).toContain(
      'untrusted-to-action in support/system: read_ticket -> admin_billing_update',
    );
    expect(result.stdout).toContain('needs 2 sign-off(s) for a PRIVILEGED change');
  });

  it('fails --fail-on escalation and --fail-on privileged, and passes --fail-on privileged when nothing that high changed', () => {
    expect(
      runCli(['diff', '--base', 'main', '--head', 'pr', '--fail-on', 'escalation'], { cwd: repo.dir }).code,
    ).toBe(1);
    expect(
      runCli(['diff', '--base', 'main', '--head', 'pr', '--fail-on', 'privileged'], { cwd: repo.dir }).code,
    ).toBe(1);
    expect(
      runCli(['diff', '--base', 'main', '--head', 'main', '--fail-on', 'control'], { cwd: repo.dir }).code,
    ).toBe(0);
  });

  it('keeps the digest across a prompt-only commit and moves it with a capability commit', async () => {
    const first = diffJson('--base', 'main', '--head', 'pr').planes.control.digest;
    editSupportPrompt((t) =>
      t
        .replace('version: 5', 'version: 6')
        .replace('Fix billing directly.', 'Fix billing directly, politely.'),
    );
    await repo.commit('prompt-only push');
    expect(diffJson('--base', 'main', '--head', 'pr').planes.control.digest).toBe(first);
    repo.write(
      'registry/tools/billing/admin-billing-update.yaml',
      ADMIN_TOOL.replace('[billing:admin]', '[billing:admin, accounts:admin]'),
    );
    await repo.commit('capability push');
    expect(diffJson('--base', 'main', '--head', 'pr').planes.control.digest).not.toBe(first);
  });
});

describe('agentgate diff rules end to end', () => {
  beforeEach(async () => {
    await seedExample();
  });

  it('reads the config from the base commit: a PR cannot lower its own sign-off count', async () => {
    repo.write(
      'agentgate.yaml',
      'version: 1\nplanes:\n  control:\n    signoffs: { privileged: 0, irreversible: 0, write: 0, read: 0 }\n',
    );
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    await repo.commit('loosen the gate and add a tool');
    const report = diffJson('--base', 'HEAD~1', '--head', 'HEAD');
    expect(report.planes.control.requiredSignoffs).toBe(2);
    expect(report.planes.control.files.map((f) => f.path)).toContain('agentgate.yaml');
  });

  it('reads tools from the plane paths the base config names', async () => {
    repo.write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    paths: ["agents/tools/**"]\n');
    await repo.commit('move the control plane');
    repo.write('agents/tools/admin.yaml', ADMIN_TOOL);
    await repo.commit('add a tool under the configured path');
    const control = diffJson('--base', 'HEAD~1', '--head', 'HEAD').planes.control;
    expect(control.tools.map((t) => t.name)).toEqual(['admin_billing_update']);
    expect(control.files).toEqual([{ path: 'agents/tools/admin.yaml', status: 'added' }]);
  });

  it('reports a renamed tool with its old name and no capability change', async () => {
    const path = 'registry/tools/support/send-email.yaml';
    repo.write(
      path,
      readFileSync(join(repo.dir, path), 'utf8').replace('name: send_email', 'name: email_customer'),
    );
    editSupportPrompt((t) => t.replace('send_email]', 'email_customer]'));
    await repo.commit('rename');
    const tools = diffJson('--base', 'HEAD~1', '--head', 'HEAD').planes.control.tools;
    expect(tools).toEqual([
      expect.objectContaining({ name: 'email_customer', change: 'renamed', oldName: 'send_email' }),
    ]);
  });

  it('treats a moved manifest with the same tools as no capability change', async () => {
    repo.move('registry/tools/support/issue-refund.yaml', 'registry/tools/payments/issue-refund.yaml');
    await repo.commit('move');
    const control = diffJson('--base', 'HEAD~1', '--head', 'HEAD').planes.control;
    expect(control.files).toEqual([
      {
        path: 'registry/tools/payments/issue-refund.yaml',
        oldPath: 'registry/tools/support/issue-refund.yaml',
        status: 'renamed',
      },
    ]);
    expect(control.tools).toEqual([]);
    expect(control.requiredSignoffs).toBe(0);
  });

  it('lets a revocation-only change through with no sign-off', async () => {
    repo.remove('registry/tools/support/issue-refund.yaml');
    editSupportPrompt((t) => t.replace('issue_refund, ', ''));
    await repo.commit('revoke refunds');
    const control = diffJson('--base', 'HEAD~1', '--head', 'HEAD').planes.control;
    expect(control.tools).toEqual([expect.objectContaining({ name: 'issue_refund', change: 'removed' })]);
    expect(control.narrowingOnly).toBe(true);
    expect(control.requiredSignoffs).toBe(0);
    expect(control.flows.removed.length).toBeGreaterThan(0);
  });

  it('routes a prompt binding that gains a tool to the control plane', async () => {
    editSupportPrompt((t) =>
      t.replace('version: 4', 'version: 5').replace('send_email]', 'send_email, delete_db_instance]'),
    );
    await repo.commit('bind a destructive tool');
    const report = diffJson('--base', 'HEAD~1', '--head', 'HEAD');
    expect(report.planes.control.changed).toBe(true);
    expect(report.planes.control.bindings).toEqual([
      { agent: 'support/system', added: ['delete_db_instance'], removed: [] },
    ]);
    expect(report.planes.control.requiredSignoffs).toBe(1);
  });

  it('judges the working tree by default, untracked registry files included', () => {
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    const report = diffJson('--base', 'HEAD');
    expect(report.head.ref).toBe('working tree');
    expect(report.planes.control.tools.map((t) => t.name)).toEqual(['admin_billing_update']);
  });

  it('does not move the digest for a data-plane-only change', async () => {
    editSupportPrompt((t) => t.replace('version: 4', 'version: 5').replace('friendly', 'warm'));
    await repo.commit('prompt only');
    const report = diffJson('--base', 'HEAD~1', '--head', 'HEAD');
    expect(report.planes.control.changed).toBe(false);
    expect(report.planes.control.digest).toBe(
      diffJson('--base', 'HEAD', '--head', 'HEAD').planes.control.digest,
    );
  });

  it('fails the data plane when a prompt changes without a version bump', async () => {
    editSupportPrompt((t) => t.replace('friendly', 'warm'));
    await repo.commit('prompt without bump');
    const result = runCli(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], {
      cwd: repo.dir,
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'version-not-bumped', severity: 'error' }),
    );
    expect(report.planes.control.changed).toBe(false);
  });
});

describe('agentgate diff refuses bad input with one line and exit 2', () => {
  beforeEach(async () => {
    await seedExample();
  });

  it.each([
    ['malformed YAML', 'name: [unclosed\n', /bad\.yaml:\d+/],
    [
      'a duplicate key',
      'apiVersion: agentgate/v1\nkind: Tool\nname: a_tool\neffect: read\neffect: privileged\n',
      /bad\.yaml:5.*effect/,
    ],
    [
      'a homoglyph name',
      'apiVersion: agentgate/v1\nkind: Tool\nname: re\u0430d_ticket\neffect: read\n',
      /bad\.yaml:3.*U\+0430/,
    ],
    [
      'an alias bomb',
      `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ).join('\n')}\n`,
      /bad\.yaml/,
    ],
  ])('%s', async (_label, content, pattern) => {
    repo.write('registry/tools/bad.yaml', content);
    await repo.commit('bad');
    const result = runCli(['diff', '--base', 'HEAD~1', '--head', 'HEAD'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('    at ');
  });

  it('refuses a symlinked manifest with a finding', async () => {
    repo.symlink('/etc/passwd', 'registry/tools/link.yaml');
    await repo.commit('symlink');
    const result = runCli(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], {
      cwd: repo.dir,
    });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as DiffReport).findings).toContainEqual(
      expect.objectContaining({ code: 'symlink-refused', path: 'registry/tools/link.yaml' }),
    );
  });

  it('refuses an oversized manifest with a finding', async () => {
    repo.write('registry/tools/huge.yaml', `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    await repo.commit('huge');
    const result = runCli(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], {
      cwd: repo.dir,
    });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as DiffReport).findings).toContainEqual(
      expect.objectContaining({ code: 'file-too-large' }),
    );
  });

  it('never lets --base become a git option', () => {
    const target = join(tmpdir(), `agentgate-injection-${process.pid}`);
    rmSync(target, { force: true });
    for (const base of [`--output=${target}`, '-h', 'HEAD:registry', 'HEAD..HEAD']) {
      const result = runCli(['diff', `--base=${base}`, '--head', 'HEAD'], { cwd: repo.dir });
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(target)).toBe(false);
  });

  it('names an unknown ref', () => {
    const result = runCli(['diff', '--base', 'no-such-branch', '--head', 'HEAD'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-branch');
  });

  it('says when the directory is not a repository', () => {
    const result = runCli(['diff', '--base', 'HEAD'], { cwd: tmpdir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a git repository/);
  });

  it('rejects an unknown --fail-on condition', () => {
    const result = runCli(['diff', '--base', 'HEAD', '--fail-on', 'sometimes'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fail-on');
  });
});
