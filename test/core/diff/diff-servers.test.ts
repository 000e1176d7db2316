import { describe, expect, it } from 'vitest';
import { diffServers } from '../../../src/core/diff/diff-servers.js';
import { compareToolFields } from '../../../src/core/diff/fields/tool-field-changes.js';
import type { FieldChange, Server } from '../../../src/model/types.js';
import { makeServer } from '../../helpers/make-server.js';
import { makeTool } from '../../helpers/make-tool.js';

const kinds = (changes: FieldChange[]) => changes.map((c) => [c.field, c.kind]);
const one = (before: Server, after: Server) => {
  const changes = diffServers([before], [after]);
  expect(changes).toHaveLength(1);
  return changes[0]!;
};

describe('diffServers: added, removed, renamed', () => {
  it('lists nothing for equal servers, wherever their file moved', () => {
    const moved = makeServer({ source: { path: 'registry/tools/elsewhere.yaml', line: 9 } });
    expect(diffServers([makeServer()], [moved])).toEqual([]);
  });

  it('reports an added server with what it brings, never as narrowing', () => {
    const server = makeServer({
      transport: { type: 'stdio', command: 'bash', args: ['-c', 'x'] },
      credentials: [{ name: 'ROOT', scopes: [] }],
      egress: ['*'],
      tools: undefined,
    });
    const [change] = diffServers([], [server]);
    expect(change).toMatchObject({
      name: 'files',
      change: 'added',
      source: 'registry/tools/files.yaml',
      radiusBefore: null,
      radiusAfter: 'privileged',
      escalation: true,
      narrowing: false,
    });
    expect(kinds(change!.changes)).toEqual([
      ['transport.command', 'widened'],
      ['transport.args', 'widened'],
      ['credentials', 'widened'],
      ['egress', 'widened'],
    ]);
  });

  it('reports a removed server as a revocation', () => {
    expect(diffServers([makeServer()], [])).toEqual([
      expect.objectContaining({
        change: 'removed',
        narrowing: true,
        radiusAfter: null,
        radiusBefore: 'write',
      }),
    ]);
  });

  it('reports the same server under a new name as renamed, not narrowing', () => {
    const [change] = diffServers([makeServer()], [makeServer({ name: 'files2' })]);
    expect(change).toMatchObject({ change: 'renamed', oldName: 'files', name: 'files2', narrowing: false });
  });

  it('keeps two client-config servers of one name in two files apart', () => {
    const vscode = makeServer({ origin: 'vscode', source: { path: '.vscode/mcp.json', line: 2 } });
    const cursor = makeServer({ origin: 'cursor', source: { path: '.cursor/mcp.json', line: 2 } });
    const changes = diffServers([vscode], [vscode, { ...cursor, egress: ['*'] }]);
    expect(changes).toEqual([expect.objectContaining({ change: 'added', source: '.cursor/mcp.json' })]);
  });

  it('keeps both of two manifest servers with one name visible', () => {
    const second = makeServer({
      transport: { type: 'stdio', command: 'sh' },
      source: { path: 'registry/tools/zz.yaml', line: 1 },
    });
    const changes = diffServers([makeServer()], [makeServer(), second]);
    expect(changes.some((c) => c.change === 'added' && c.radiusAfter === 'privileged')).toBe(true);
  });
});

describe('diffServers: field by field', () => {
  it('widens on any transport change, a removed argument included', () => {
    const base = makeServer({ transport: { type: 'stdio', command: 'srv', args: ['--read-only', '/data'] } });
    const cases: Server['transport'][] = [
      { type: 'stdio', command: 'srv', args: ['/data'] },
      { type: 'stdio', command: 'srv', args: ['--read-only', '/data', '/'] },
      { type: 'stdio', command: 'srv2', args: ['--read-only', '/data'] },
      { type: 'stdio', command: 'srv', args: ['--read-only', '/data'], cwd: '/' },
      { type: 'stdio', command: 'srv', args: ['/data', '--read-only'] },
    ];
    for (const transport of cases) {
      const change = one(base, makeServer({ transport }));
      expect(change.narrowing).toBe(false);
      expect(change.changes.every((c) => c.kind === 'widened')).toBe(true);
    }
  });

  it('widens on a url host change and masks secrets in the url', () => {
    const before = makeServer({ transport: { type: 'http', url: 'https://mcp.example.com/?key=s3cret' } });
    const after = makeServer({ transport: { type: 'http', url: 'https://mcp.evil.example/?key=s3cret' } });
    const change = one(before, after);
    expect(kinds(change.changes)).toEqual([['transport.url', 'widened']]);
    expect(JSON.stringify(change)).not.toContain('s3cret');
  });

  it('widens on env and header value changes without printing the values', () => {
    const before = makeServer({ transport: { type: 'stdio', command: 'srv', env: { MODE: 'read-only' } } });
    const after = makeServer({ transport: { type: 'stdio', command: 'srv', env: { MODE: 'all-powerful' } } });
    const change = one(before, after);
    expect(change.changes).toEqual([
      { field: 'transport.env', kind: 'widened', added: [], removed: [], details: ['value of MODE changed'] },
    ]);
    expect(JSON.stringify(change)).not.toContain('all-powerful');
  });

  it('widens when a credential is added or renamed, narrows when one is removed', () => {
    const base = makeServer({ credentials: [{ name: 'A', scopes: ['x:read'] }] });
    const renamed = makeServer({ credentials: [{ name: 'B', scopes: ['x:read'] }] });
    const removed = makeServer({ credentials: [] });
    expect(kinds(one(base, renamed).changes)).toEqual([['credentials', 'widened']]);
    expect(one(base, removed)).toMatchObject({ narrowing: true });
  });

  it('widens when a credential loses every scope: unscoped is privileged', () => {
    const base = makeServer({ credentials: [{ name: 'A', scopes: ['x:read'] }] });
    const unscoped = makeServer({ credentials: [{ name: 'A', scopes: [] }] });
    const change = one(base, unscoped);
    expect(kinds(change.changes)).toEqual([['credentials.A.scopes', 'widened']]);
    expect(change).toMatchObject({ radiusAfter: 'privileged', escalation: true, narrowing: false });
  });

  it('compares egress by containment', () => {
    const base = makeServer({ egress: ['api.example.com'] });
    expect(kinds(one(base, makeServer({ egress: ['*.example.com'] })).changes)).toEqual([
      ['egress', 'widened'],
    ]);
    expect(one(makeServer({ egress: ['*'] }), base)).toMatchObject({ narrowing: true });
  });

  it('widens when the snapshot is dropped, and reads pinning one as a declaration', () => {
    expect(kinds(one(makeServer(), makeServer({ tools: undefined })).changes)).toEqual([
      ['tools', 'widened'],
    ]);
    const pinned = one(makeServer({ tools: undefined }), makeServer());
    expect(kinds(pinned.changes)).toEqual([['tools', 'changed']]);
    expect(pinned.narrowing).toBe(false);
  });

  it('widens when a tool joins the allow list or leaves the deny list', () => {
    const base = makeServer({ includeTools: ['read_file'], excludeTools: ['write_file'] });
    const allow = makeServer({ includeTools: ['read_file', 'write_file'], excludeTools: ['write_file'] });
    const deny = makeServer({ includeTools: ['read_file'], excludeTools: [] });
    const noList = makeServer({ excludeTools: ['write_file'] });
    expect(kinds(one(base, allow).changes)).toEqual([['includeTools', 'widened']]);
    expect(kinds(one(base, deny).changes)).toEqual([['excludeTools', 'widened']]);
    expect(kinds(one(base, noList).changes)).toEqual([['includeTools', 'widened']]);
  });

  it('narrows when a tool leaves the allow list or joins the deny list', () => {
    const base = makeServer({ includeTools: ['a', 'b'], excludeTools: [] });
    expect(one(base, makeServer({ includeTools: ['a'], excludeTools: [] })).narrowing).toBe(true);
    expect(one(base, makeServer({ includeTools: ['a', 'b'], excludeTools: ['b'] })).narrowing).toBe(true);
  });

  it('reads a new description or owner as changed: reviewed, never narrowing', () => {
    const change = one(makeServer(), makeServer({ description: 'now does more', owner: '@someone' }));
    expect(kinds(change.changes)).toEqual([
      ['description', 'changed'],
      ['owner', 'changed'],
    ]);
    expect(change.narrowing).toBe(false);
  });

  it('fails closed on a transport key it does not know', () => {
    const before = makeServer();
    const after = makeServer({ transport: { ...before.transport, other: { sandbox: 'off' } } });
    expect(kinds(one(before, after).changes)).toEqual([['transport.sandbox', 'widened']]);
  });
});

describe("a server tool's transport change", () => {
  it('is widened and shown without env, header or url secrets', () => {
    const before = makeTool({ name: 's.t', transport: { command: 'srv', env: { KEY: 'old-secret' } } });
    const after = makeTool({
      name: 's.t',
      transport: { command: 'srv', env: { KEY: 'new-secret' }, url: 'https://u:pw@x.example/?t=tok' },
    });
    const changes = compareToolFields(before, after);
    expect(changes).toEqual([expect.objectContaining({ field: 'transport', kind: 'widened' })]);
    const shown = JSON.stringify(changes);
    for (const secret of ['old-secret', 'new-secret', 'pw', 'tok']) expect(shown).not.toContain(secret);
  });
});
