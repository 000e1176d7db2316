import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claudeMcpJsonAdapter } from '../../../src/sources/formats/claude-mcp-json.js';
import { codes, fixture, inline } from '../load-fixture.js';

const parse = (text: string, path = '.mcp.json') => claudeMcpJsonAdapter.parse(inline(path, text));

describe('Claude Code .mcp.json', () => {
  const model = claudeMcpJsonAdapter.parse(fixture('mcp-json/project.mcp.json', '.mcp.json'));
  const byName = new Map(model.servers.map((s) => [s.name, s]));

  it('reports one server per entry, named by its key, with the line of the key', () => {
    expect(model.servers.map((s) => s.name)).toEqual([
      'shell',
      'pinned',
      'tickets',
      'events',
      'bare-url',
      'with-tools',
    ]);
    expect(byName.get('shell')?.source).toEqual({ path: '.mcp.json', line: 3 });
    expect(byName.get('tickets')?.source.line).toBe(17);
    expect(model.servers.every((s) => s.origin === 'mcp-json')).toBe(true);
  });

  it('reads a command without type as stdio, with egress unknown (*)', () => {
    expect(byName.get('shell')?.transport).toMatchObject({
      type: 'stdio',
      command: 'npx',
      args: ['-y', '@acme/shell-mcp'],
    });
    expect(Object.keys(byName.get('shell')?.transport ?? {}).sort()).toEqual([
      'args',
      'command',
      'env',
      'type',
    ]);
    expect(byName.get('shell')?.egress).toEqual(['*']);
    expect(byName.get('pinned')?.transport.cwd).toBe('tools');
  });

  it('reads a url as remote: http unless written sse, egress = the lowercased host', () => {
    expect(byName.get('tickets')?.transport).toMatchObject({
      type: 'http',
      url: 'https://MCP.Tickets.example.net/mcp',
    });
    expect(byName.get('tickets')?.egress).toEqual(['mcp.tickets.example.net']);
    expect(byName.get('events')?.transport.type).toBe('sse');
    expect(byName.get('bare-url')?.transport.type).toBe('http');
  });

  it('takes the NAMES of secret-looking env keys and credential headers as credentials, never their values', () => {
    expect(byName.get('shell')?.credentials).toEqual([{ name: 'SHELL_TOKEN', scopes: [] }]);
    expect(byName.get('tickets')?.credentials.map((c) => c.name)).toEqual(['Authorization']);
    // every value is compared, as a hash: the model never holds one
    expect(Object.keys(byName.get('shell')?.transport.env ?? {}).sort()).toEqual([
      'LOG_LEVEL',
      'SHELL_TOKEN',
    ]);
    expect(Object.keys(byName.get('tickets')?.transport.headers ?? {})).toEqual([
      'Authorization',
      'X-Client',
    ]);
    expect(JSON.stringify(model)).not.toContain('debug');
  });

  it('does not narrow a server by a tools list Claude Code ignores', () => {
    expect(byName.get('with-tools')?.includeTools).toBeUndefined();
  });

  it('flags an unpinned npx package and not a pinned one', () => {
    expect(codes(model.findings)).toEqual(['warning:server-package-unpinned:5:mcpServers.shell.args']);
  });

  it('accepts a plugin file without the mcpServers wrapper', () => {
    const bare = claudeMcpJsonAdapter.parse(fixture('mcp-json/plugin-bare.mcp.json', 'plugins/x/.mcp.json'));
    expect(bare.servers.map((s) => [s.name, s.transport.type, s.source.line])).toEqual([
      ['docs', 'http', 2],
      ['runner', 'stdio', 5],
    ]);
    expect(bare.findings).toEqual([]);
  });

  it('ignores top-level keys that are not servers when there is no wrapper', () => {
    expect(parse('{"$schema": "x", "name": {"a": 1}}').servers).toEqual([]);
  });

  it('reports literal secrets by key and line, never the value; placeholders and references are fine', () => {
    const leaked = claudeMcpJsonAdapter.parse(fixture('mcp-json/leaked.mcp.json', '.mcp.json'));
    const secrets = leaked.findings.filter((f) => f.code === 'secret-in-config');
    expect(secrets.map((f) => [f.line, f.field])).toEqual([
      [6, 'mcpServers.payments.headers.Authorization'],
      [13, 'mcpServers.chat.env.SLACK_BOT_TOKEN'],
    ]);
    const text = JSON.stringify(leaked);
    expect(text).not.toContain('sk-live');
    expect(text).not.toContain('xoxb');
    expect(secrets.every((f) => f.severity === 'warning')).toBe(true);
  });
});

describe('Claude Code .mcp.json: hostile shapes', () => {
  it('turns a file that does not parse into one source-parse error with its line', () => {
    const model = parse('{\n  "mcpServers": {\n    "a": { "command": "x", }\n  }\n}');
    expect(model.servers).toEqual([]);
    expect(codes(model.findings)).toEqual(['error:source-parse:3:']);
  });

  it('rejects comments in a plain JSON file, as its client does', () => {
    expect(codes(parse('// hi\n{"mcpServers": {}}').findings)).toEqual(['error:source-parse:1:']);
  });

  it('reads a file that starts with a byte-order mark', () => {
    const model = parse('\ufeff{"mcpServers": {"a": {"command": "node"}}}');
    expect(model.findings).toEqual([]);
    expect(model.servers.map((s) => s.name)).toEqual(['a']);
  });

  it('reports an empty file and a non-object top level', () => {
    expect(codes(parse('').findings)).toEqual(['error:source-parse:1:']);
    expect(codes(parse('[1, 2]').findings)).toEqual(['error:source-parse:1:']);
  });

  it('reports mcpServers written as an array', () => {
    const model = parse('{"mcpServers": [{"command": "x"}]}');
    expect(model.servers).toEqual([]);
    expect(codes(model.findings)).toEqual(['error:source-shape:1:mcpServers']);
  });

  it('keeps an entry that is not an object as a server of unknown transport, reported', () => {
    const model = parse('{"mcpServers": {\n"odd": "npx evil",\n"list": [1]\n}}');
    expect(model.servers.map((s) => [s.name, s.transport.type, s.egress])).toEqual([
      ['odd', 'unknown', ['*']],
      ['list', 'unknown', ['*']],
    ]);
    expect(codes(model.findings)).toEqual([
      'error:source-shape:2:mcpServers.odd',
      'error:source-shape:3:mcpServers.list',
    ]);
  });

  it('reports duplicate keys and reads the last one, as clients do', () => {
    const model = parse('{"mcpServers": {\n"a": {"command": "safe"},\n"a": {"command": "evil"}\n}}');
    expect(model.servers.map((s) => s.transport.command)).toEqual(['evil']);
    expect(codes(model.findings)).toEqual(['error:source-duplicate-key:3:mcpServers.a']);
  });

  it('reports __proto__ keys and never builds a server from them', () => {
    const model = parse(
      '{"mcpServers": {\n"__proto__": {"command": "x"},\n"ok": {"command": "y", "env": {"__proto__": "z"}}\n}}',
    );
    expect(model.servers.map((s) => s.name)).toEqual(['ok']);
    expect(model.servers[0]?.credentials).toEqual([]);
    expect(codes(model.findings)).toEqual([
      'error:source-unsafe-key:2:mcpServers.__proto__',
      'error:source-unsafe-key:3:mcpServers.ok.env.__proto__',
    ]);
    expect(({} as Record<string, unknown>).command).toBeUndefined();
  });

  it('reports non-string args and keeps them as text so a change still shows', () => {
    const model = parse('{"mcpServers": {"a": {"command": "node", "args": ["x", 7, true, null, {"k": 1}]}}}');
    expect(model.servers[0]?.transport.args).toEqual(['x', '7', 'true']);
    expect(model.findings.map((f) => f.field)).toEqual([
      'mcpServers.a.args.1',
      'mcpServers.a.args.2',
      'mcpServers.a.args.3',
      'mcpServers.a.args.4',
    ]);
  });

  it('reports a command that is not a string, and args that are not a list', () => {
    const model = parse('{"mcpServers": {"a": {"command": ["node"], "args": "x"}}}');
    expect(codes(model.findings)).toEqual([
      'error:source-shape:1:mcpServers.a.args',
      'error:source-shape:1:mcpServers.a.command',
    ]);
    expect(model.servers[0]?.transport.type).toBe('stdio');
  });

  it('bounds huge argument lists and huge arguments', () => {
    const many = JSON.stringify({
      mcpServers: { a: { command: 'node', args: Array.from({ length: 1500 }, () => 'x') } },
    });
    const long = JSON.stringify({ mcpServers: { a: { command: 'node', args: ['y'.repeat(100_000)] } } });
    expect(parse(many).servers[0]?.transport.args).toHaveLength(1000);
    expect(codes(parse(many).findings)).toEqual(['error:source-limit:1:mcpServers.a.args']);
    expect(parse(long).servers[0]?.transport.args?.[0]).toHaveLength(8192);
    expect(codes(parse(long).findings)).toEqual(['error:source-limit:1:mcpServers.a.args.0']);
  });

  it('reports nesting deep enough to exhaust a stack as a parse error', () => {
    const deep = `{"mcpServers": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(codes(parse(deep).findings)).toEqual(['error:source-parse:1:']);
  });

  it('reports an entry with neither command nor url, without an error', () => {
    const model = parse('{"mcpServers": {"docs": {"link": "https://x.example"}}}');
    expect(model.servers[0]?.transport).toMatchObject({ type: 'unknown' });
    expect(codes(model.findings)).toEqual(['warning:server-not-launchable:1:mcpServers.docs']);
  });

  it('reads type as a hint: a url wins over type stdio, and the contradiction is reported', () => {
    const model = parse('{"mcpServers": {"a": {"type": "stdio", "url": "https://a.example/mcp"}}}');
    expect(model.servers[0]?.transport.type).toBe('http');
    expect(codes(model.findings)).toEqual(['warning:server-transport-ambiguous:1:mcpServers.a.type']);
  });

  it('treats an entry with both command and url as a process that may reach anywhere', () => {
    const model = parse(
      '{"mcpServers": {"a": {"command": "npx", "args": ["mcp-remote@1.0.0"], "url": "https://a.example"}}}',
    );
    expect(model.servers[0]?.transport.type).toBe('stdio');
    expect(model.servers[0]?.egress).toEqual(['*']);
    expect(codes(model.findings)).toEqual(['warning:server-transport-ambiguous:1:mcpServers.a']);
  });

  it('reports a server name with control or invisible characters', () => {
    const model = parse('{"mcpServers": {"git\\u202ehub": {"command": "x"}}}');
    expect(codes(model.findings)).toEqual(['error:source-shape:1:mcpServers.git\\u202ehub']);
  });

  it('gives egress * to a url whose host is a variable or does not parse', () => {
    const model = parse('{"mcpServers": {"a": {"url": "https://${HOST}/mcp"}, "b": {"url": "not a url"}}}');
    expect(model.servers.map((s) => s.egress)).toEqual([['*'], ['*']]);
  });

  it('reports a password in a url user-info part without printing it', () => {
    const model = parse('{"mcpServers": {"a": {"url": "https://bob:hunter2hunter2@a.example/mcp"}}}');
    expect(codes(model.findings)).toEqual(['warning:secret-in-config:1:mcpServers.a.url']);
    expect(JSON.stringify(model.findings)).not.toContain('hunter2');
  });
});

describe('Claude Code .mcp.json: every declared entry is a server (property)', () => {
  it('reports one server per key of mcpServers, whatever the entries hold, and never throws', () => {
    const name = fc
      .string({ maxLength: 12 })
      .filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key));
    fc.assert(
      fc.property(fc.dictionary(name, fc.jsonValue({ maxDepth: 3 })), (servers) => {
        const model = parse(JSON.stringify({ mcpServers: servers }));
        expect(model.servers.map((s) => s.name).sort()).toEqual(Object.keys(servers).sort());
        for (const server of model.servers) expect(server.egress.length).toBeGreaterThan(0);
        expect(model.findings.every((f) => f.path === '.mcp.json' && f.line >= 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reports headers written as a list, and ignores non-string env values for secrets but keeps their names', () => {
    const model = parse(
      '{"mcpServers": {"a": {"url": "https://a.example", "headers": ["Authorization: Bearer x"]}, "b": {"command": "x", "env": {"PORT": 8080}}}}',
    );
    expect(codes(model.findings)).toEqual(['error:source-shape:1:mcpServers.a.headers']);
    expect(model.servers[1]?.credentials.map((c) => c.name)).toEqual([]);
    expect(Object.keys(model.servers[1]?.transport.env ?? {})).toEqual(['PORT']);
  });
});

describe('Claude Code .mcp.json: prototype names in values', () => {
  it('reads type "constructor" or "__proto__" as an unknown hint, never as a transport', () => {
    const model = parse(
      '{"mcpServers": {"a": {"type": "constructor", "url": "https://a.example"}, "b": {"type": "toString", "command": "x"}}}',
    );
    expect(model.servers.map((s) => s.transport.type)).toEqual(['http', 'stdio']);
    expect(model.findings.map((f) => f.code)).toEqual([
      'server-transport-ambiguous',
      'server-transport-ambiguous',
    ]);
  });

  it('escapes control characters of names in messages', () => {
    const model = parse('{"mcpServers": {"\\u001b[31mred": "x"}}');
    expect(model.findings.every((f) => !f.message.includes('\u001b'))).toBe(true);
    expect(model.findings[0]?.message).toContain('\\u001b[31mred');
  });
});
