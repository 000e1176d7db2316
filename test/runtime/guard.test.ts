import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';

const FS_SERVER = fileURLToPath(
  new URL('../../node_modules/@modelcontextprotocol/server-filesystem/dist/index.js', import.meta.url),
);
const EVERYTHING_SERVER = fileURLToPath(
  new URL('../../node_modules/@modelcontextprotocol/server-everything/dist/index.js', import.meta.url),
);
const TIMEOUT = 120_000;

let dir: string;
let root: string;
let log: string;
let client: Client;

function registryYaml(rootDir: string): string {
  const protectedPolicy = `policy: { protectedTargets: ["${rootDir}/prod/**"], targetField: path }`;
  return `apiVersion: agentgate/v1
kind: McpServer
name: fs
transport: { type: stdio, command: node, args: [server-filesystem] }
tools:
  - name: read_text_file
    annotations: { readOnlyHint: true }
    inputSchema:
      type: object
      additionalProperties: false
      required: [path]
      properties: { path: { type: string }, head: { type: number }, tail: { type: number } }
    ${protectedPolicy}
  - name: write_file
    annotations: { readOnlyHint: false, destructiveHint: true }
    inputSchema:
      type: object
      required: [path, content]
      properties: { path: { type: string }, content: { type: string } }
    policy: { protectedTargets: ["${rootDir}/prod/**"], targetField: path, requireChangeRequest: true }
  - name: list_directory
    annotations: { readOnlyHint: true }
    inputSchema: { type: object, required: [path], properties: { path: { type: string } } }
`;
}

async function connectThroughGuard(args: string[], env: Record<string, string> = {}): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI_PATH, 'guard', ...args],
    env: { ...getDefaultEnvironment(), NO_COLOR: '1', ...env },
    stderr: 'pipe',
  });
  const agent = new Client({ name: 'test-agent', version: '1' });
  await agent.connect(transport);
  return agent;
}

async function call(
  name: string,
  args: Record<string, unknown>,
  meta?: Record<string, unknown>,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args, ...(meta && { _meta: meta }) })) as CallToolResult;
}

function text(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

beforeAll(async () => {
  expect(existsSync(CLI_PATH), 'build first: npx tsc -p tsconfig.build.json').toBe(true);
  dir = await realpath(await mkdtemp(join(tmpdir(), 'agentgate-guard-')));
  root = join(dir, 'root');
  log = join(dir, 'decisions.jsonl');
  await mkdir(join(root, 'public'), { recursive: true });
  await mkdir(join(root, 'prod'), { recursive: true });
  await writeFile(join(root, 'public', 'hello.txt'), 'hello from public\n');
  await writeFile(join(root, 'prod', 'secret.txt'), 'prod secret\n');
  await mkdir(join(dir, 'repo', 'registry', 'tools'), { recursive: true });
  await writeFile(join(dir, 'repo', 'registry', 'tools', 'fs.yaml'), registryYaml(root));
  client = await connectThroughGuard([
    '--registry',
    join(dir, 'repo'),
    '--log',
    log,
    '--server',
    'fs',
    '--',
    process.execPath,
    FS_SERVER,
    root,
  ]);
}, TIMEOUT);

afterAll(async () => {
  await client?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('agentgate guard (real filesystem MCP server)', () => {
  it(
    'lists only the tools the registry allows',
    async () => {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual([
        'list_directory',
        'read_text_file',
        'write_file',
      ]);
      const read = tools.find((tool) => tool.name === 'read_text_file');
      // the reviewed schema from the registry, not the live one
      expect(read?.inputSchema).toMatchObject({ additionalProperties: false, required: ['path'] });
    },
    TIMEOUT,
  );

  it(
    'lets an allowed read through to the server',
    async () => {
      const result = await call('read_text_file', { path: join(root, 'public', 'hello.txt') });
      expect(result.isError).toBeFalsy();
      expect(text(result)).toContain('hello from public');
    },
    TIMEOUT,
  );

  it(
    'refuses a write to a protected path, and the server never sees it',
    async () => {
      const target = join(root, 'prod', 'evil.txt');
      const result = await call(
        'write_file',
        { path: target, content: 'x' },
        { 'agentgate/changeRequest': 'CHG-1' },
      );
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('protected-target');
      expect(existsSync(target)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'refuses a protected read reached through "..", and reads of the protected tree',
    async () => {
      const sneaky = await call('read_text_file', { path: `${root}/public/../prod/secret.txt` });
      expect(sneaky.isError).toBe(true);
      expect(text(sneaky)).toContain('protected-target');
      expect(text(sneaky)).not.toContain('prod secret');
    },
    TIMEOUT,
  );

  it(
    'forwards a write that carries its change request in _meta, and refuses one without',
    async () => {
      const target = join(root, 'public', 'note.txt');
      const missing = await call('write_file', { path: target, content: 'note' });
      expect(missing.isError).toBe(true);
      expect(text(missing)).toContain('change-request-missing');
      expect(existsSync(target)).toBe(false);
      const ok = await call(
        'write_file',
        { path: target, content: 'note' },
        { 'agentgate/changeRequest': 'CHG-42' },
      );
      expect(ok.isError).toBeFalsy();
      expect(await readFile(target, 'utf8')).toBe('note');
    },
    TIMEOUT,
  );

  it(
    'refuses bad arguments and tools outside the registry',
    async () => {
      const bad = await call('read_text_file', { path: 42, extra: true });
      expect(bad.isError).toBe(true);
      expect(text(bad)).toContain('invalid-args');
      const hidden = await call('move_file', {
        source: join(root, 'public', 'hello.txt'),
        destination: join(root, 'x'),
      });
      expect(hidden.isError).toBe(true);
      expect(text(hidden)).toContain('unknown-tool');
      expect(existsSync(join(root, 'public', 'hello.txt'))).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'logs every decision in a chain that verifies, and a tampered copy does not',
    async () => {
      const verified = runCli(['intent', 'verify-log', log], { cwd: dir });
      expect(verified.stderr).toBe('');
      expect(verified.code).toBe(0);
      const lines = (await readFile(log, 'utf8')).trimEnd().split('\n');
      expect(lines.length).toBe(7);
      const decisions = lines.map(
        (line) => (JSON.parse(line) as { decision: { decision: string; tool: string } }).decision,
      );
      expect(decisions[0]).toMatchObject({ decision: 'allow', tool: 'fs.read_text_file' });
      expect(decisions[1]).toMatchObject({ decision: 'deny', tool: 'fs.write_file' });

      const tampered = join(dir, 'tampered.jsonl');
      await writeFile(
        tampered,
        lines.map((line, i) => (i === 1 ? line.replace('"deny"', '"allow"') : line)).join('\n') + '\n',
      );
      const broken = runCli(['intent', 'verify-log', tampered], { cwd: dir });
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('line 2: hash mismatch');

      const report = runCli(['intent', 'report', log, '--format', 'json'], { cwd: dir });
      expect(report.code).toBe(0);
      const summary = JSON.parse(report.stdout) as {
        totals: Record<string, number>;
        chain: { intact: boolean };
      };
      expect(summary.chain.intact).toBe(true);
      expect(summary.totals).toEqual({ allow: 2, deny: 5, 'needs-approval': 0, total: 7 });
    },
    TIMEOUT,
  );
});

describe('agentgate guard: credentials', () => {
  it(
    "gives the server only its declared credentials, not the guard's other secrets",
    async () => {
      const repo = join(dir, 'repo-everything');
      await mkdir(join(repo, 'registry', 'tools'), { recursive: true });
      await writeFile(
        join(repo, 'registry', 'tools', 'everything.yaml'),
        `apiVersion: agentgate/v1
kind: McpServer
name: everything
credentials: [{ name: DEMO_TOKEN, scopes: [demo:read] }]
tools:
  - name: get-env
    annotations: { readOnlyHint: true }
`,
      );
      const agent = await connectThroughGuard(
        ['--registry', repo, '--server', 'everything', '--', process.execPath, EVERYTHING_SERVER, 'stdio'],
        { DEMO_TOKEN: 'token-for-the-server', UNRELATED_SECRET: 'must-not-leak' },
      );
      try {
        const { tools } = await agent.listTools();
        expect(tools.map((tool) => tool.name)).toEqual(['get-env']);
        const result = (await agent.callTool({ name: 'get-env', arguments: {} })) as CallToolResult;
        expect(result.isError).toBeFalsy();
        expect(text(result)).toContain('token-for-the-server');
        expect(text(result)).not.toContain('must-not-leak');
      } finally {
        await agent.close();
      }
    },
    TIMEOUT,
  );
});
