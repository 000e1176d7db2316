// import, verify and guard over HTTP to a real MCP server on 127.0.0.1: streamable HTTP, the SSE fallback,
// headers read from the environment and never from argv, and no credential ever printed.
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startHttpMcpServer } from '../helpers/http-mcp-server.js';
import type { HttpMcpServer } from '../helpers/http-mcp-server.js';
import { CLI_PATH } from '../helpers/run-cli.js';
import { runCliAsync } from '../helpers/run-cli-async.js';

const TOKEN = 'Bearer s3cr3t-token-value-9f8e7d6c5b4a';
const TIMEOUT = 120_000;

let dir: string;
let server: HttpMcpServer;
let manifest: string;
let imported: string;

const env = { DOCS_TOKEN: TOKEN };
const auth = ['--header', 'Authorization=env:DOCS_TOKEN'];

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'agentgate-mcp-http-')));
  await mkdir(join(dir, 'registry', 'tools'), { recursive: true });
  server = await startHttpMcpServer({ require: { header: 'authorization', value: TOKEN } });
  manifest = join(dir, 'registry', 'tools', 'docs.yaml');
  const result = await runCliAsync(
    ['mcp', 'import', '--url', server.url, ...auth, '--name', 'docs', '--out', manifest],
    { cwd: dir, env },
  );
  expect(result.code, result.stderr).toBe(0);
  imported = await readFile(manifest, 'utf8');
}, TIMEOUT);

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('mcp import over streamable HTTP', () => {
  it('pins the remote tools and the url, with the header value read from the environment', () => {
    const doc = parse(imported) as { transport: unknown; credentials: unknown; tools: { name: string }[] };
    expect(doc.transport).toEqual({ type: 'http', url: server.url });
    expect(doc.credentials).toEqual([{ name: 'DOCS_TOKEN' }]);
    expect(doc.tools.map((tool) => tool.name)).toEqual(['delete_page', 'search_docs']);
    expect(imported).not.toContain('s3cr3t');
    expect(server.requests.some((request) => request.headers.authorization === TOKEN)).toBe(true);
  });

  it('refuses a literal header value on argv (exit 2) without printing it or reaching the server', async () => {
    const before = server.requests.length;
    const result = await runCliAsync(
      ['mcp', 'import', '--url', server.url, '--header', 'Authorization=Bearer literal-s3cr3t-123456'],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--header Authorization: give the value as env:VAR');
    expect(result.stdout + result.stderr).not.toContain('literal-s3cr3t');
    expect(server.requests.length).toBe(before);
  });

  it('refuses a header whose variable is not set, naming the variable', async () => {
    const result = await runCliAsync(
      ['mcp', 'import', '--url', server.url, '--header', 'Authorization=env:AGENTGATE_TEST_UNSET'],
      { cwd: dir, env: { AGENTGATE_TEST_UNSET: undefined } },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the environment variable AGENTGATE_TEST_UNSET is not set');
  });

  it('refuses a url with credentials in it (exit 2), never printing them or sending anything', async () => {
    const before = server.requests.length;
    const withPassword = server.url.replace('http://', 'http://admin:hunter2-pw@');
    const withToken = `${server.url}?api_key=sk-abcdefghijklmnop1234`;
    for (const url of [withPassword, withToken]) {
      const result = await runCliAsync(['mcp', 'import', '--url', url], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('carries a credential');
      expect(result.stdout + result.stderr).not.toMatch(/hunter2|sk-abcdef/);
    }
    expect(server.requests.length).toBe(before);
  });

  it('reports a server that refuses the request as exit 2 without echoing the header', async () => {
    const result = await runCliAsync(
      ['mcp', 'import', '--url', server.url, '--header', 'Authorization=env:WRONG'],
      {
        cwd: dir,
        env: { WRONG: 'Bearer wrong-token-abcdefgh' },
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot reach MCP server');
    expect(result.stderr).not.toContain('wrong-token');
  });

  it(
    'falls back to the SSE transport when the endpoint does not speak streamable HTTP',
    async () => {
      const sse = await startHttpMcpServer({ sseOnly: true });
      try {
        const result = await runCliAsync(['mcp', 'import', '--url', sse.url, '--name', 'legacy'], {
          cwd: dir,
        });
        expect(result.code, result.stderr).toBe(0);
        expect(parse(result.stdout)).toMatchObject({ name: 'legacy', transport: { url: sse.url } });
      } finally {
        await sse.close();
      }
    },
    TIMEOUT,
  );

  it('imports a remote entry of a client config under its key, headers still from the environment', async () => {
    await writeFile(
      join(dir, '.mcp.json'),
      JSON.stringify({
        mcpServers: {
          'docs-api': { type: 'http', url: server.url, headers: { Authorization: '${DOCS_TOKEN}' } },
        },
      }),
    );
    const result = await runCliAsync(
      ['mcp', 'import', '--from', '.mcp.json', '--server', 'docs-api', ...auth],
      {
        cwd: dir,
        env,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(parse(result.stdout)).toMatchObject({
      name: 'docs-api',
      transport: { type: 'http', url: server.url },
      credentials: [{ name: 'Authorization' }, { name: 'DOCS_TOKEN' }],
    });
    expect(result.stdout + result.stderr).not.toContain('s3cr3t');
  });

  it('refuses a config entry whose url carries a password, without printing it', async () => {
    const url = server.url.replace('http://', 'http://admin:hunter2-pw@');
    await writeFile(join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { leaky: { url } } }));
    const result = await runCliAsync(['mcp', 'import', '--from', 'mcp.json', '--server', 'leaky'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("mcp.json: server 'leaky': the url http://***@127.0.0.1");
    expect(result.stdout + result.stderr).not.toContain('hunter2');
  });
});

describe('mcp verify over streamable HTTP', () => {
  it('passes against the same endpoint', async () => {
    const result = await runCliAsync(
      ['mcp', 'verify', '--manifest', manifest, '--url', server.url, ...auth],
      {
        cwd: dir,
        env,
      },
    );
    expect(result.stdout).toContain('no drift');
    expect(result.code).toBe(0);
  });

  it('reports drift in the url only: the same tools at another endpoint', async () => {
    const moved = server.url.replace(/\/mcp$/, '/v2/mcp');
    const result = await runCliAsync(
      ['mcp', 'verify', '--manifest', manifest, '--url', moved, ...auth, '--format', 'json'],
      { cwd: dir, env },
    );
    expect(result.code, result.stderr).toBe(1);
    const out = JSON.parse(result.stdout) as {
      transport: { field: string; before: string; after: string }[];
      differences: unknown[];
    };
    expect(out.transport).toEqual([
      expect.objectContaining({ field: 'transport.url', before: server.url, after: moved }),
    ]);
    expect(out.differences).toEqual([]);
  });
});

describe('guard --url', () => {
  it('proxies a remote server: the agent sees the registry tools, the header comes from the environment', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI_PATH, 'guard', '--registry', dir, '--server', 'docs', '--url', server.url, ...auth],
      env: { ...getDefaultEnvironment(), NO_COLOR: '1', ...env },
      stderr: 'pipe',
    });
    const agent = new Client({ name: 'test-agent', version: '1' });
    await agent.connect(transport);
    try {
      const listed = await agent.listTools();
      expect(listed.tools.map((tool) => tool.name).sort()).toEqual(['delete_page', 'search_docs']);
    } finally {
      await agent.close();
    }
  });

  it('refuses a literal --header and --env with --url (exit 2)', async () => {
    const literal = await runCliAsync(
      ['guard', '--registry', dir, '--url', server.url, '--header', 'Authorization=Bearer abcdefgh12345678'],
      { cwd: dir },
    );
    expect(literal.code).toBe(2);
    expect(literal.stderr).not.toContain('abcdefgh12345678');
    const mixed = await runCliAsync(['guard', '--registry', dir, '--url', server.url, '--env', 'HOME'], {
      cwd: dir,
    });
    expect(mixed.code).toBe(2);
  });
});
