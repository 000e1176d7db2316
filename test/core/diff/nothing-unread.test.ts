import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../../src/model/types.js';
import { diffTrees } from '../../helpers/diff-trees.js';
import type { Files } from '../../helpers/diff-trees.js';

// Nothing unread: what an adapter does not model is still compared, signed and digested.

const digestOf = (report: DiffReport) => report.planes.control.digest;

function expectHeld(base: Files, head: Files): DiffReport {
  const report = diffTrees(base, head);
  expect(report.planes.control.changed).toBe(true);
  expect(report.planes.control.narrowingOnly).toBe(false);
  expect(report.planes.control.requiredSignoffs).toBeGreaterThanOrEqual(1);
  expect(digestOf(report)).not.toBe(digestOf(diffTrees(base, base)));
  return report;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('the residual of client configs', () => {
  it('an unread key inside a server entry (envFile, a service account) is compared and signed', () => {
    const entry = { command: 'npx', args: ['-y', 'x-mcp@1.0.0'] };
    const base = { '.mcp.json': json({ mcpServers: { x: entry } }) };
    const head = {
      '.mcp.json': json({ mcpServers: { x: { ...entry, impersonateServiceAccount: 'admin@corp.example' } } }),
    };
    const report = expectHeld(base, head);
    const rules = report.planes.control.permissions;
    expect(rules).toEqual([
      expect.objectContaining({
        rule: 'mcpServers.x.impersonateServiceAccount=admin@corp.example',
        kind: 'widened',
        radius: 'write',
      }),
    ]);
  });

  it('removing an unread key widens too: nobody can tell it did not restrain', () => {
    const entry = { command: 'npx', args: ['-y', 'x-mcp@1.0.0'] };
    const base = { '.cursor/mcp.json': json({ mcpServers: { x: { ...entry, readOnly: true } } }) };
    const head = { '.cursor/mcp.json': json({ mcpServers: { x: entry } }) };
    const report = expectHeld(base, head);
    expect(report.planes.control.permissions!.map((rule) => rule.kind)).toEqual(['widened']);
  });

  it('a secret-looking unread value is shown and digested by its hash, never printed', () => {
    const base = { '.mcp.json': json({ mcpServers: {}, apiToken: 'first-value-aaaa1111' }) };
    const head = { '.mcp.json': json({ mcpServers: {}, apiToken: 'second-value-bbbb2222' }) };
    const report = expectHeld(base, head);
    const text = JSON.stringify(report);
    expect(text).not.toContain('first-value');
    expect(text).not.toContain('second-value');
    expect(report.planes.control.permissions!.every((rule) => /apiToken=sha256:/.test(rule.rule))).toBe(true);
  });

  it('Gemini tools.allowed, autoAccept and a callCommand are signed', () => {
    const base = { '.gemini/settings.json': json({ mcpServers: {} }) };
    for (const extra of [
      { tools: { allowed: ['run_shell_command'] } },
      { autoAccept: true },
      { tools: { callCommand: './call.sh' } },
      { toolDiscoveryCommand: './discover.sh' },
      { security: { folderTrust: { enabled: false } } },
    ]) {
      expectHeld(base, { '.gemini/settings.json': json({ mcpServers: {}, ...extra }) });
    }
  });

  it('a Gemini command key is privileged', () => {
    const base = { '.gemini/settings.json': json({ mcpServers: {} }) };
    const head = { '.gemini/settings.json': json({ mcpServers: {}, tools: { callCommand: './call.sh' } }) };
    expect(diffTrees(base, head).planes.control.maxRadius).toBe('privileged');
  });

  it('OpenCode permission and plugin are signed', () => {
    const base = { 'opencode.json': json({ mcp: {}, permission: { bash: 'ask' } }) };
    const report = expectHeld(base, {
      'opencode.json': json({ mcp: {}, permission: { bash: 'ask' }, plugin: ['opencode-evil@1.0.0'] }),
    });
    expect(report.planes.control.maxRadius).toBe('privileged');
    expectHeld(base, { 'opencode.json': json({ mcp: {}, permission: { bash: 'allow' } }) });
  });
});

describe('values, not names', () => {
  const server = (env: Record<string, string>, headers: Record<string, string>) =>
    json({
      mcpServers: {
        gh: { command: 'npx', args: ['-y', 'gh-mcp@1.0.0'], env },
        remote: { type: 'http', url: 'https://mcp.example.com/mcp', headers },
      },
    });

  it('an env value change (GITHUB_READ_ONLY 1 -> 0) is compared, signed and digested, by name only', () => {
    const base = { '.mcp.json': server({ GITHUB_READ_ONLY: '1' }, {}) };
    const head = { '.mcp.json': server({ GITHUB_READ_ONLY: '0' }, {}) };
    const report = expectHeld(base, head);
    const change = report.planes.control.servers![0]!.changes.find((c) => c.field === 'transport.env');
    expect(change).toMatchObject({ kind: 'widened', details: ['value of GITHUB_READ_ONLY changed'] });
  });

  it('a header value change (X-MCP-Readonly true -> false) is compared', () => {
    const base = {
      '.vscode/mcp.json': server({}, { 'X-MCP-Readonly': 'true' }).replace('mcpServers', 'servers'),
    };
    const head = {
      '.vscode/mcp.json': server({}, { 'X-MCP-Readonly': 'false' }).replace('mcpServers', 'servers'),
    };
    expectHeld(base, head);
  });

  it('a server.json environment default is compared', () => {
    const doc = (value: string) =>
      json({
        name: 'io.example/files',
        packages: [
          {
            registryType: 'npm',
            identifier: 'files-mcp',
            version: '1.0.0',
            transport: { type: 'stdio' },
            environmentVariables: [{ name: 'ROOT', default: value, description: 'the root' }],
          },
        ],
      });
    expectHeld({ 'server.json': doc('/srv/reports') }, { 'server.json': doc('/') });
  });
});

describe('the whole entry', () => {
  const codex = (enabled: boolean, disabled: string[]) =>
    `[mcp_servers.x]\ncommand = "npx"\nargs = ["-y", "x-mcp@1.0.0"]\nenabled = ${enabled}\ndisabled_tools = ${JSON.stringify(disabled)}\n`;

  it('a server switched on beside a no-op narrowing is a widening, never a revocation', () => {
    const base = { '.codex/config.toml': codex(false, []) };
    const head = { '.codex/config.toml': codex(true, ['nothing_real']) };
    const report = expectHeld(base, head);
    const fields = report.planes.control.servers![0]!.changes;
    expect(fields).toContainEqual(expect.objectContaining({ field: 'enabled', kind: 'widened' }));
    expect(fields).toContainEqual(expect.objectContaining({ field: 'excludeTools', kind: 'narrowed' }));
  });

  it('Gemini trust switched on beside an excludeTools entry is a widening', () => {
    const entry = (trust: boolean, exclude: string[]) =>
      json({ mcpServers: { x: { command: 'npx', args: ['x-mcp@1.0.0'], trust, excludeTools: exclude } } });
    const report = expectHeld(
      { '.gemini/settings.json': entry(false, []) },
      { '.gemini/settings.json': entry(true, ['a']) },
    );
    expect(report.planes.control.servers![0]!.changes).toContainEqual(
      expect.objectContaining({ field: 'trust', kind: 'widened' }),
    );
  });

  it('switching a server off is a narrowing', () => {
    const report = diffTrees(
      { '.codex/config.toml': codex(true, []) },
      { '.codex/config.toml': codex(false, []) },
    );
    expect(report.planes.control.narrowingOnly).toBe(true);
  });
});

describe('ordered settings', () => {
  const codex = (settings: Record<string, string>) =>
    Object.entries(settings)
      .map(([key, value]) => `${key} = "${value}"`)
      .join('\n');
  const sandbox = ['read-only', 'workspace-write', 'danger-full-access'];

  it('property: Codex sandbox_mode compared by rank both ways', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sandbox), fc.constantFrom(...sandbox), (before, after) => {
        fc.pre(before !== after);
        const report = diffTrees(
          { '.codex/config.toml': codex({ sandbox_mode: before }) },
          { '.codex/config.toml': codex({ sandbox_mode: after }) },
        );
        const widens = sandbox.indexOf(after) > sandbox.indexOf(before);
        expect(report.planes.control.narrowingOnly).toBe(!widens);
        expect(report.planes.control.requiredSignoffs > 0).toBe(widens);
      }),
    );
  });

  it('approval_policy: never is above on-request; an unknown value ranks highest', () => {
    const run = (a: string, b: string) =>
      diffTrees(
        { '.codex/config.toml': codex({ approval_policy: a }) },
        { '.codex/config.toml': codex({ approval_policy: b }) },
      ).planes.control.narrowingOnly;
    expect(run('on-request', 'never')).toBe(false);
    expect(run('never', 'untrusted')).toBe(true);
    // one tier: neither grants more
    expect(run('on-failure', 'on-request')).toBe(true);
    expect(run('untrusted', 'yolo')).toBe(false);
  });

  it('Claude Code defaultMode: plan < default < acceptEdits < bypassPermissions', () => {
    const settings = (mode: string) => json({ permissions: { defaultMode: mode } });
    const run = (a: string, b: string) =>
      diffTrees({ '.claude/settings.json': settings(a) }, { '.claude/settings.json': settings(b) }).planes
        .control;
    expect(run('acceptEdits', 'plan').narrowingOnly).toBe(true);
    expect(run('default', 'bypassPermissions').narrowingOnly).toBe(false);
    expect(run('default', 'bypassPermissions').maxRadius).toBe('privileged');
  });

  it('OpenCode permission: deny < ask < allow, an absent one is allow', () => {
    const file = (permission: unknown) => ({ 'opencode.json': json({ permission }) });
    const run = (a: unknown, b: unknown) => diffTrees(file(a), file(b)).planes.control.narrowingOnly;
    expect(run({ bash: 'allow' }, { bash: 'ask' })).toBe(true);
    expect(run({ bash: 'deny' }, { bash: 'ask' })).toBe(false);
    expect(run({ edit: 'deny' }, {})).toBe(false);
    expect(run({}, { edit: 'ask' })).toBe(true);
  });

  // the workflow file itself is a gate file (any edit is held); these check the verdict on the token rules
  const narrowsOnly = (control: DiffReport['planes']['control']) => ({
    narrowingOnly: control.permissions!.every((rule) => rule.kind === 'narrowed'),
  });

  it('gh-aw permissions: read-all to scoped reads narrows; scoped reads to write-all widens', () => {
    const workflow = (permissions: string) =>
      `---\non: issues\npermissions:${permissions}\n---\nTriage the issue.\n`;
    const path = '.github/workflows/triage.md';
    const run = (a: string, b: string) =>
      narrowsOnly(diffTrees({ [path]: workflow(a) }, { [path]: workflow(b) }).planes.control);
    expect(run(' read-all', '\n  contents: read\n  issues: read').narrowingOnly).toBe(true);
    expect(run('\n  contents: read', ' write-all').narrowingOnly).toBe(false);
    expect(run('\n  contents: read', '\n  contents: write').narrowingOnly).toBe(false);
    expect(run('\n  contents: write', '\n  contents: read').narrowingOnly).toBe(true);
  });

  it('gh-aw roles: fewer roles narrows; all covers every role', () => {
    const workflow = (roles: string) => `---\non: issues\nroles: ${roles}\n---\nTriage.\n`;
    const path = '.github/workflows/triage.md';
    const run = (a: string, b: string) =>
      narrowsOnly(diffTrees({ [path]: workflow(a) }, { [path]: workflow(b) }).planes.control).narrowingOnly;
    expect(run('all', '[admin, maintainer]')).toBe(true);
    expect(run('[admin, maintainer]', '[admin]')).toBe(true);
    expect(run('[admin]', '[admin, write]')).toBe(false);
    expect(run('[admin]', 'all')).toBe(false);
  });
});

describe('source claims win over data globs', () => {
  it('a client config under the prompts glob is read by its adapter, not as prompt text', () => {
    const entry = { command: 'npx', args: ['-y', 'x-mcp@1.0.0'] };
    const base = { 'registry/prompts/a.md': '---\nversion: 1\n---\nHi.\n' };
    const head = { ...base, 'registry/prompts/.mcp.json': json({ mcpServers: { x: entry } }) };
    const report = expectHeld(base, head);
    expect(report.planes.control.servers!.map((server) => server.name)).toEqual(['x']);
  });

  it('a nested Claude Code settings file under the prompts glob is control plane', () => {
    const base = { 'registry/prompts/a.md': '---\nversion: 1\n---\nHi.\n' };
    const head = {
      ...base,
      'registry/prompts/team/.claude/settings.json': json({ permissions: { allow: ['Bash'] } }),
    };
    const report = expectHeld(base, head);
    expect(report.planes.control.permissions!.map((rule) => rule.rule)).toEqual(['Bash']);
  });
});

describe('unknown keys of agentgate prompts', () => {
  const prompt = (extra: string) => `---\nid: support\nversion: 1\n${extra}---\nYou help.\n`;
  const path = 'registry/prompts/support.md';

  for (const extra of [
    'permissions: [admin]\n',
    'mcp_servers: {x: {command: sh}}\n',
    'allowed_tools: [Bash]\n',
    'Tools: [Bash]\n',
  ]) {
    it(`'${extra.trim()}' is control plane`, () => {
      expectHeld({ [path]: prompt('') }, { [path]: prompt(extra) });
    });
  }

  it('a description edit stays data plane', () => {
    const report = diffTrees({ [path]: prompt('description: a\n') }, { [path]: prompt('description: b\n') });
    expect(report.planes.control.changed).toBe(false);
  });
});
