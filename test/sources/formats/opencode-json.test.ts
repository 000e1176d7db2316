import { describe, expect, it } from 'vitest';
import { opencodeJsonAdapter } from '../../../src/sources/formats/opencode-json.js';
import { codes, fixture, inline } from '../load-fixture.js';

describe('OpenCode opencode.json / opencode.jsonc', () => {
  const model = opencodeJsonAdapter.parse(fixture('opencode/opencode.jsonc', 'opencode.jsonc'));
  const [local, search] = model.servers;

  it('splits command written as an array into program and arguments', () => {
    expect(local?.transport).toMatchObject({
      type: 'stdio',
      command: 'bunx',
      args: ['db-mcp', '--read-only'],
    });
    expect(local?.source).toEqual({ path: 'opencode.jsonc', line: 5 });
  });

  it('takes environment (not env) and header names as credentials, {env:…} as references', () => {
    expect(local?.credentials.map((c) => c.name)).toEqual(['DB_PASSWORD']);
    expect(search?.credentials.map((c) => c.name)).toEqual(['Authorization']);
    expect(search?.egress).toEqual(['search.example.com']);
  });

  it('records enabled, so switching a server on is visible', () => {
    expect(local?.enabled).toBe(true);
    expect(search?.enabled).toBe(false);
  });

  it('flags an unpinned bunx package', () => {
    expect(codes(model.findings)).toEqual(['warning:server-package-unpinned:7:mcp.local-db.command']);
  });

  it('reads a file without mcp as granting nothing, and reports an empty command array', () => {
    expect(opencodeJsonAdapter.parse(inline('opencode.json', '{"instructions": []}'))).toMatchObject({
      servers: [],
      findings: [],
    });
    const empty = opencodeJsonAdapter.parse(
      inline('opencode.json', '{"mcp": {"a": {"type": "local", "command": []}}}'),
    );
    expect(codes(empty.findings)).toEqual([
      'error:source-shape:1:mcp.a.command',
      'warning:server-not-launchable:1:mcp.a',
    ]);
  });
});
