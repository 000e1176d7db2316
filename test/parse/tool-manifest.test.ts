import { describe, expect, it } from 'vitest';
import { parseToolManifest } from '../../src/parse/tool-manifest.js';
import { manifestFixture, source } from './fixture.js';

const HEADER = 'apiVersion: agentgate/v1\nkind: Tool\n';

describe('parseToolManifest: valid manifests', () => {
  it('normalizes a Tool: sorted, de-duplicated, lowercased hosts, source line of name', () => {
    const { tools, findings } = parseToolManifest(manifestFixture('valid-tool.yaml'));
    expect(findings).toEqual([]);
    expect(tools).toHaveLength(1);
    const tool = tools[0]!;
    expect(tool.name).toBe('issue_refund');
    expect(tool.scopes).toEqual(['billing:read', 'billing:refund']);
    expect(tool.credentials).toEqual([
      { name: 'AUDIT_TOKEN', scopes: [] },
      { name: 'STRIPE_SECRET_KEY', scopes: ['charges:read', 'refunds:write'] },
    ]);
    expect(tool.egress).toEqual(['*.sentry.io', 'api.stripe.com']);
    expect(tool).toMatchObject({
      effect: 'irreversible',
      dataAccess: 'sensitive',
      approval: 'human',
      rateLimit: { calls: 10, per: '1m' },
      policy: { protectedTargets: ['prod-*'], targetField: 'payment_id', requireChangeRequest: true },
      source: { path: 'registry/tools/valid-tool.yaml', line: 3 },
    });
  });

  it('fills defaults and leaves unset optional fields out', () => {
    const { tools } = parseToolManifest(source('registry/tools/t.yaml', `${HEADER}name: ping\n`));
    expect(tools[0]).toEqual({
      name: 'ping',
      scopes: [],
      credentials: [],
      egress: [],
      dataAccess: 'none',
      untrustedInput: false,
      approval: 'none',
      source: { path: 'registry/tools/t.yaml', line: 3 },
    });
  });

  it('expands an McpServer into <server>.<tool> tools inheriting credentials, egress and transport', () => {
    const { tools, findings } = parseToolManifest(manifestFixture('mcp-server.yaml'));
    expect(findings).toEqual([]);
    expect(tools.map((t) => t.name)).toEqual(['github.get_issue', 'github.delete_branch']);
    const [getIssue, deleteBranch] = tools;
    expect(getIssue).toMatchObject({
      server: 'github',
      owner: '@acme/platform',
      credentials: [{ name: 'GITHUB_TOKEN', scopes: ['repo:write'] }],
      egress: ['api.github.com'],
      transport: { type: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] },
      untrustedInput: true,
      annotations: { readOnlyHint: true, title: 'Get issue' },
      source: { path: 'registry/tools/mcp-server.yaml', line: 14 },
    });
    expect(deleteBranch).toMatchObject({
      effect: 'irreversible',
      scopes: ['git:delete'],
      source: { line: 20 },
    });
  });

  it('reads every document of a YAML stream', () => {
    const { tools } = parseToolManifest(manifestFixture('stream.yaml'));
    expect(tools.map((t) => [t.name, t.source.line])).toEqual([
      ['list_orders', 3],
      ['create_order', 8],
    ]);
  });

  it('accepts MCP tool names outside the Tool alphabet (capitals, 128 characters)', () => {
    const text = `apiVersion: agentgate/v1\nkind: McpServer\nname: ext\ntools:\n  - name: getUser.V2\n`;
    expect(parseToolManifest(source('registry/tools/ext.yaml', text)).tools[0]!.name).toBe('ext.getUser.V2');
  });
});

describe('parseToolManifest: errors name file, line and field', () => {
  it('reports an effect outside the enum', () => {
    const text = `${HEADER}name: wipe_disk\neffect: destroy\n`;
    const { tools, findings } = parseToolManifest(source('registry/tools/x.yaml', text));
    expect(tools).toEqual([]);
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'schema',
        path: 'registry/tools/x.yaml',
        line: 4,
        tool: 'wipe_disk',
        field: 'effect',
        message:
          'registry/tools/x.yaml:4: field \'effect\': must be one of none, read, write, irreversible, privileged (got "destroy")',
      },
    ]);
  });

  it('refuses a misspelt field instead of ignoring it, and suggests the right one', () => {
    const { findings } = parseToolManifest(manifestFixture('typo-field.yaml'));
    const messages = findings.map((f) => f.message);
    expect(messages).toContain(
      "registry/tools/typo-field.yaml:5: field 'aproval': unknown field; did you mean 'approval'?",
    );
    expect(messages).toContain(
      "registry/tools/typo-field.yaml:6: field 'rateLimit.calls': must be >= 1 (got 0)",
    );
    expect(messages).toContain(
      'registry/tools/typo-field.yaml:6: field \'rateLimit.per\': must match ^[1-9][0-9]*[smhd]$ (got "1 minute")',
    );
  });

  it('reports a missing required field at the document', () => {
    const { findings } = parseToolManifest(
      source('registry/tools/x.yaml', 'apiVersion: agentgate/v1\nkind: Tool\n'),
    );
    expect(findings.map((f) => [f.line, f.field, f.message])).toEqual([
      [1, 'name', "registry/tools/x.yaml:1: field 'name': required field is missing"],
    ]);
  });

  it('reports an unknown kind', () => {
    const { findings } = parseToolManifest(
      source('registry/tools/x.yaml', 'apiVersion: agentgate/v1\nkind: Tol\nname: a\n'),
    );
    expect(findings[0]!.message).toBe(
      'registry/tools/x.yaml:2: field \'kind\': must be one of Tool, McpServer (got "Tol")',
    );
  });

  it('reports a nested field of a server tool', () => {
    const text =
      'apiVersion: agentgate/v1\nkind: McpServer\nname: s\ntools:\n  - name: a\n    inputSchema: { type: string }\n';
    const { findings } = parseToolManifest(source('registry/tools/s.yaml', text));
    expect(findings.map((f) => [f.line, f.field])).toEqual([[6, 'tools.0.inputSchema.type']]);
  });

  it('rejects a scope without an action and an egress URL', () => {
    const text = `${HEADER}name: a\nscopes: [billing]\negress: ["https://api.example.com"]\n`;
    const { findings } = parseToolManifest(source('registry/tools/a.yaml', text));
    expect(findings.map((f) => [f.line, f.field])).toEqual([
      [4, 'scopes.0'],
      [5, 'egress.0'],
    ]);
  });

  it('names a Cyrillic homoglyph in a tool name by code point, before any pattern error', () => {
    const { tools, findings } = parseToolManifest(manifestFixture('homoglyph-name.yaml'));
    expect(tools).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'non-ascii-name', line: 3, field: 'name' });
    expect(findings[0]!.message).toContain('U+0430 CYRILLIC SMALL LETTER A at position 3');
  });

  it('prints an unknown code point when the table has no name for it', () => {
    const { findings } = parseToolManifest(source('registry/tools/x.yaml', `${HEADER}name: "read\u0915"\n`));
    expect(findings[0]!.message).toContain('contains U+0915 at position 5');
  });

  it.each([
    ['duplicate-key.yaml', 'duplicate-key', 6],
    ['unknown-tag.yaml', 'unknown-tag', 4],
    ['alias-bomb.yaml', 'alias-limit', 1],
    ['tool.json', 'duplicate-key', 6],
  ])('%s is refused with %s at line %i', (name, code, line) => {
    const { tools, findings } = parseToolManifest(manifestFixture(name));
    expect(tools).toEqual([]);
    expect(findings[0]).toMatchObject({ severity: 'error', code, line });
    expect(findings[0]!.message.startsWith(`registry/tools/${name}:${line}: `)).toBe(true);
  });

  it('reports malformed YAML as yaml-parse', () => {
    const { findings } = parseToolManifest(manifestFixture('malformed.yaml'));
    expect(findings.map((f) => f.code)).toContain('yaml-parse');
  });

  it('warns about an empty file and errors on a document that is not a mapping', () => {
    expect(parseToolManifest(source('registry/tools/e.yaml', '# nothing\n')).findings[0]).toMatchObject({
      severity: 'warning',
      code: 'empty-manifest',
    });
    expect(parseToolManifest(source('registry/tools/l.yaml', '- a\n- b\n')).findings[0]).toMatchObject({
      severity: 'error',
      code: 'schema',
    });
  });

  it('keeps the valid documents of a stream when another one fails', () => {
    const text = `${HEADER}name: good\n---\n${HEADER}name: bad\neffect: nope\n`;
    const { tools, findings } = parseToolManifest(source('registry/tools/m.yaml', text));
    expect(tools.map((t) => t.name)).toEqual(['good']);
    expect(findings.map((f) => [f.line, f.tool])).toEqual([[8, 'bad']]);
  });
});
