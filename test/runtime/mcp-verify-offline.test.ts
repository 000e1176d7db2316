// `mcp verify --from-json FILE`: a saved tools/list checked against the manifest with no server started; with
// --from it also compares the config's transport, still offline.
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

const MANIFEST = `apiVersion: agentgate/v1
kind: McpServer
name: fs
transport: { command: npx, args: ["-y", "@modelcontextprotocol/server-filesystem@2026.1.1", "./docs"] }
tools:
  - name: read_file
    description: Read a file.
    inputSchema: { type: object, properties: { path: { type: string } }, required: [path] }
    annotations: { readOnlyHint: true }
`;

const TOOLS = [
  {
    name: 'read_file',
    description: 'Read a file.',
    inputSchema: { type: 'object', required: ['path'], properties: { path: { type: 'string' } } },
    annotations: { readOnlyHint: true },
  },
];

async function write(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

function verify(...args: string[]) {
  return runCli(['mcp', 'verify', '--manifest', 'fs.yaml', ...args], { cwd: dir });
}

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'agentgate-mcp-offline-')));
  await write('fs.yaml', MANIFEST);
  await write('tools.json', { tools: TOOLS });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mcp verify --from-json', () => {
  it('passes on the saved result of the same contract, saying the transport was not compared', () => {
    const result = verify('--from-json', 'tools.json');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('fs.yaml: 1 tools, no drift (transport not compared: no server was named)\n');
  });

  it('reads a whole JSON-RPC response and a bare list as well', async () => {
    await write('response.json', { jsonrpc: '2.0', id: 2, result: { tools: TOOLS } });
    await write('list.json', TOOLS);
    expect(verify('--from-json', 'response.json').code).toBe(0);
    expect(verify('--from-json', 'list.json').code).toBe(0);
  });

  it('fails on a changed contract, naming the tool and field', async () => {
    await write('changed.json', { tools: [{ ...TOOLS[0], annotations: { readOnlyHint: false } }] });
    const result = verify('--from-json', 'changed.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('read_file.annotations/readOnlyHint: true -> false');
  });

  it('refuses what is not a tools/list result (exit 2), never reading it as "no tools"', async () => {
    const cases: [string, string][] = [
      ['bad.json', '{"tools": ['],
      ['error.json', JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'nope' } })],
      ['empty.json', '{}'],
      ['nameless.json', JSON.stringify({ tools: [{ description: 'x' }] })],
      ['twice.json', JSON.stringify({ tools: [TOOLS[0], TOOLS[0]] })],
    ];
    for (const [name, text] of cases) {
      await write(name, text);
      const result = verify('--from-json', name);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(new RegExp(`^agentgate: ${name.replace('.', '\\.')}: `));
    }
    expect(verify('--from-json', 'missing.json').stderr).toContain('missing.json: cannot read (ENOENT)');
  });

  it('refuses a server to start beside it, and a verify with nothing to compare', () => {
    expect(verify('--from-json', 'tools.json', '--', 'node', 'server.js').code).toBe(2);
    expect(verify('--from-json', 'tools.json', '--url', 'http://127.0.0.1:9/mcp').code).toBe(2);
    const nothing = verify();
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('--from-json FILE');
  });
});

describe('mcp verify --from-json --from: the config transport, compared without starting it', () => {
  it('passes when the config starts the server the manifest pins', async () => {
    await write('.mcp.json', {
      mcpServers: {
        fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2026.1.1', './docs'] },
      },
    });
    const result = verify('--from-json', 'tools.json', '--from', '.mcp.json', '--server', 'fs');
    expect(result.stdout).toBe('fs.yaml: 1 tools, no drift\n');
    expect(result.code).toBe(0);
  });

  it('reports drift in the arguments only, field by field', async () => {
    await write('mcp.json', {
      mcpServers: {
        fs: {
          type: 'local',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-filesystem@2026.1.1', '/'],
        },
      },
    });
    const result = verify('--from-json', 'tools.json', '--from', 'mcp.json', '--server', 'fs');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'transport.args: ["-y","@modelcontextprotocol/server-filesystem@2026.1.1","./docs"] -> ["-y","@modelcontextprotocol/server-filesystem@2026.1.1","/"]',
    );
    expect(result.stdout).not.toMatch(/transport\.(command|url|cwd)/);
  });

  it('reports a remote entry where the manifest pins a command: command, args and url each', async () => {
    await write('.mcp.json', { mcpServers: { fs: { url: 'https://files.example.com/mcp?session=abc' } } });
    const result = verify(
      '--from-json',
      'tools.json',
      '--from',
      '.mcp.json',
      '--server',
      'fs',
      '--format',
      'json',
    );
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as { transport: { field: string; after?: unknown }[] };
    expect(out.transport.map((difference) => difference.field)).toEqual([
      'transport.command',
      'transport.args',
      'transport.url',
    ]);
    // query values are never shown: they are where remote servers take tokens
    expect(out.transport[2]?.after).toBe('https://files.example.com/mcp?session=***');
  });

  it('fails closed on a manifest that pins no transport', async () => {
    await write('bare.yaml', 'apiVersion: agentgate/v1\nkind: McpServer\nname: fs\ntools: []\n');
    await write('none.json', { tools: [] });
    const result = runCli(
      [
        'mcp',
        'verify',
        '--manifest',
        'bare.yaml',
        '--from-json',
        'none.json',
        '--from',
        '.mcp.json',
        '--server',
        'fs',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('transport: not pinned in the manifest');
  });
});
