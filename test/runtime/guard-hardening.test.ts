import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';

// Issue 9, classes 12 (b) and (d): the guard under --agent, and before initialize.
const FS_SERVER = fileURLToPath(
  new URL('../../node_modules/@modelcontextprotocol/server-filesystem/dist/index.js', import.meta.url),
);
const TIMEOUT = 120_000;

let dir: string;
let root: string;
let repo: string;

beforeAll(async () => {
  expect(existsSync(CLI_PATH), 'build first: npm run build').toBe(true);
  dir = await realpath(await mkdtemp(join(tmpdir(), 'agentgate-guard-hard-')));
  root = join(dir, 'root');
  repo = join(dir, 'repo');
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'hello.txt'), 'hello\n');
  await mkdir(join(repo, 'registry', 'tools'), { recursive: true });
  await mkdir(join(repo, 'registry', 'prompts'), { recursive: true });
  await writeFile(
    join(repo, 'registry', 'tools', 'fs.yaml'),
    `apiVersion: agentgate/v1
kind: McpServer
name: fs
transport: { type: stdio, command: node, args: [server-filesystem] }
tools:
  - name: read_text_file
    annotations: { readOnlyHint: true }
    inputSchema: { type: object, required: [path], properties: { path: { type: string } } }
  - name: write_file
    annotations: { readOnlyHint: false, destructiveHint: true }
    inputSchema: { type: object, required: [path, content], properties: { path: { type: string }, content: { type: string } } }
`,
  );
  await writeFile(
    join(repo, 'registry', 'prompts', 'reader.md'),
    '---\nid: reader\nversion: 1\ntools: [fs.read_text_file]\n---\nYou read files.\n',
  );
}, TIMEOUT);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const guardArgs = (...extra: string[]) => [
  'guard',
  '--registry',
  repo,
  '--server',
  'fs',
  ...extra,
  '--',
  process.execPath,
  FS_SERVER,
  root,
];

function text(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

describe('guard --agent', () => {
  it(
    "lists and allows only the agent's bound tools",
    async () => {
      const log = join(dir, 'agent.jsonl');
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [CLI_PATH, ...guardArgs('--agent', 'reader', '--log', log)],
        env: { ...getDefaultEnvironment(), NO_COLOR: '1' },
        stderr: 'pipe',
      });
      const agent = new Client({ name: 'test-agent', version: '1' });
      await agent.connect(transport);
      try {
        const { tools } = await agent.listTools();
        expect(tools.map((tool) => tool.name)).toEqual(['read_text_file']);
        const read = (await agent.callTool({
          name: 'read_text_file',
          arguments: { path: join(root, 'hello.txt') },
        })) as CallToolResult;
        expect(read.isError).toBeFalsy();
        const target = join(root, 'written.txt');
        const write = (await agent.callTool({
          name: 'write_file',
          arguments: { path: target, content: 'x' },
        })) as CallToolResult;
        expect(write.isError).toBe(true);
        expect(text(write)).toContain('tool-not-bound');
        expect(existsSync(target)).toBe(false);
        // an intent over 1 MiB is refused before it is evaluated; the log keeps a stub, not the payload
        const huge = (await agent.callTool({
          name: 'read_text_file',
          arguments: { path: join(root, 'hello.txt'), pad: 'x'.repeat(1024 * 1024) },
        })) as CallToolResult;
        expect(huge.isError).toBe(true);
        expect(text(huge)).toContain('intent-too-large');
      } finally {
        await agent.close();
      }
      const decisions = (await readFile(log, 'utf8'))
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { decision: { decision: string } }).decision.decision);
      expect(decisions).toEqual(['allow', 'deny', 'deny']);
      expect((await readFile(log, 'utf8')).length).toBeLessThan(64 * 1024);
      expect(runCli(['intent', 'verify-log', log], { cwd: dir }).code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'exits 2 on an unknown agent, before starting the server',
    () => {
      const result = runCli(guardArgs('--agent', 'writer'), { cwd: dir, input: '' });
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('no agent "writer"');
    },
    TIMEOUT,
  );
});

describe('guard under the stateless revision (2026-07-28, no initialize)', () => {
  it(
    'judges each call on its own when it names that revision, and still refuses an older one before initialize',
    async () => {
      const log = join(dir, 'stateless.jsonl');
      const child = spawn(process.execPath, [CLI_PATH, ...guardArgs('--log', log, '--agent', 'reader')], {
        cwd: dir,
        env: { ...getDefaultEnvironment(), NO_COLOR: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const waiters = new Map<number, (message: Record<string, unknown>) => void>();
      createInterface({ input: child.stdout }).on('line', (line) => {
        const message = JSON.parse(line) as Record<string, unknown>;
        waiters.get(message.id as number)?.(message);
      });
      const send = (id: number, method: string, params: unknown) =>
        new Promise<Record<string, unknown>>((resolve) => {
          waiters.set(id, resolve);
          child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
        });
      const envelope = (revision: string) => ({
        'io.modelcontextprotocol/protocolVersion': revision,
        'io.modelcontextprotocol/clientInfo': { name: 'stateless', version: '1' },
        'io.modelcontextprotocol/clientCapabilities': {},
      });
      try {
        const list = await send(1, 'tools/list', { _meta: envelope('2026-07-28') });
        expect(JSON.stringify(list.result)).toContain('read_text_file');
        const read = await send(2, 'tools/call', {
          name: 'read_text_file',
          arguments: { path: join(root, 'hello.txt') },
          _meta: envelope('2026-07-28'),
        });
        expect(JSON.stringify(read.result)).toContain('hello');
        const target = join(root, 'stateless.txt');
        const write = await send(3, 'tools/call', {
          name: 'write_file',
          arguments: { path: target, content: 'x' },
          _meta: envelope('2026-07-28'),
        });
        expect(JSON.stringify(write.result)).toContain('tool-not-bound');
        expect(existsSync(target)).toBe(false);
        const older = await send(4, 'tools/call', {
          name: 'read_text_file',
          arguments: { path: join(root, 'hello.txt') },
          _meta: envelope('2025-11-25'),
        });
        expect(older.error).toMatchObject({ message: expect.stringContaining('before initialize') });
      } finally {
        child.kill();
      }
      const decisions = (await readFile(log, 'utf8'))
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { decision: { decision: string } }).decision.decision);
      expect(decisions).toEqual(['allow', 'deny']);
    },
    TIMEOUT,
  );
});

describe('guard before initialize', () => {
  it(
    'refuses tools/call and tools/list until the client has initialized, and logs nothing',
    async () => {
      const log = join(dir, 'preinit.jsonl');
      const child = spawn(process.execPath, [CLI_PATH, ...guardArgs('--log', log)], {
        cwd: dir,
        env: { ...getDefaultEnvironment(), NO_COLOR: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const responses = new Map<number, Record<string, unknown>>();
      const waiters = new Map<number, (message: Record<string, unknown>) => void>();
      createInterface({ input: child.stdout }).on('line', (line) => {
        const message = JSON.parse(line) as Record<string, unknown>;
        const id = message.id as number;
        responses.set(id, message);
        waiters.get(id)?.(message);
      });
      const send = (id: number, method: string, params: unknown) =>
        new Promise<Record<string, unknown>>((resolve) => {
          waiters.set(id, resolve);
          child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
        });
      try {
        const target = join(root, 'early.txt');
        const call = await send(1, 'tools/call', {
          name: 'write_file',
          arguments: { path: target, content: 'x' },
        });
        expect(call.result).toBeUndefined();
        expect(call.error).toMatchObject({ message: expect.stringContaining('before initialize') });
        const list = await send(2, 'tools/list', {});
        expect(list.error).toMatchObject({ message: expect.stringContaining('before initialize') });
        expect(existsSync(target)).toBe(false);
        expect(existsSync(log)).toBe(false);

        const init = await send(3, 'initialize', {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'raw', version: '1' },
        });
        expect(init.result).toBeDefined();
        child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
        const read = await send(4, 'tools/call', {
          name: 'read_text_file',
          arguments: { path: join(root, 'hello.txt') },
        });
        expect(JSON.stringify(read.result)).toContain('hello');
      } finally {
        child.stdin.end();
        child.kill();
      }
    },
    TIMEOUT,
  );
});
